export default function Loading() {
  return (<><div className="page-header"><h1>Exceptions</h1><p className="muted">Loading…</p></div><div className="card" aria-busy="true" style={{ height: 200 }} /></>);
}
