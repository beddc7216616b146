export default function Loading() {
  return (<><div className="page-header"><h1>Inventory</h1><p className="muted">Loading resources…</p></div><div className="card" aria-busy="true" style={{ height: 300 }} /></>);
}
