export default function Loading() {
  return (<><div className="page-header"><h1>Controls</h1><p className="muted">Loading the rule tree…</p></div><div className="card" aria-busy="true" style={{ height: 300 }} /></>);
}
