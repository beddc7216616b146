export default function Loading() {
  return (
    <>
      <div className="page-header"><h1>Cloud accounts</h1><p className="muted">Loading accounts and scans…</p></div>
      <div className="card" aria-busy="true" style={{ height: 240 }} />
    </>
  );
}
