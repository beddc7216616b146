export default function Loading() {
  return (
    <>
      <div className="page-header"><h1>Findings</h1><p className="muted">Loading findings…</p></div>
      <div className="card" aria-busy="true" style={{ height: 320 }} />
    </>
  );
}
