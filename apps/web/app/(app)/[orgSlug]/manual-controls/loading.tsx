export default function Loading() {
  return (<><div className="page-header"><h1>Manual controls</h1><p className="muted">Loading…</p></div><div className="card" aria-busy="true" style={{ height: 260 }} /></>);
}
