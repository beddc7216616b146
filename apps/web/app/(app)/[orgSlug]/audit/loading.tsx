export default function Loading() {
  return (
    <>
      <div className="page-header"><h1>Audit log</h1><p className="muted">Loading events…</p></div>
      <div className="card" aria-busy="true" style={{ height: 240 }} />
    </>
  );
}
