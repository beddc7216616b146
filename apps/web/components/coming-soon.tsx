/** Placeholder for a dashboard whose feature folder is still being built. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <>
      <div className="page-header">
        <h1>{title}</h1>
        <p className="muted">{description}</p>
      </div>
      <div className="card">
        <p className="muted" style={{ margin: 0 }}>Coming soon.</p>
      </div>
    </>
  );
}
