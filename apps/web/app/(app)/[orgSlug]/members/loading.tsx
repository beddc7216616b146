export default function Loading() {
  return (
    <>
      <div className="page-header"><h1>Members</h1><p className="muted">Loading members…</p></div>
      <div className="card" aria-busy="true" style={{ height: 240 }} />
    </>
  );
}
