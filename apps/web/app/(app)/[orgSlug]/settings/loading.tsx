export default function Loading() {
  return (
    <>
      <div className="page-header"><h1>Settings</h1><p className="muted">Loading settings…</p></div>
      <div className="card" aria-busy="true" style={{ height: 240 }} />
    </>
  );
}
