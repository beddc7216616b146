export default function Loading() {
  return (
    <>
      <div className="page-header"><h1>Overview</h1><p className="muted">Computing your compliance posture…</p></div>
      <div className="card" aria-busy="true" style={{ height: 140, marginBottom: 16 }} />
      <div className="card" aria-busy="true" style={{ height: 260 }} />
    </>
  );
}
