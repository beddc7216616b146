export default function Loading() {
  return <div className="card" aria-busy="true" style={{ height: 240 }}><p className="muted">Loading the resource…</p></div>;
}
