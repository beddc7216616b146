import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="card">
      <h1>Not available for your role</h1>
      <p className="muted">Ask an owner or admin of this organisation if you need access.</p>
      <Link href="/" className="button secondary">Back</Link>
    </div>
  );
}
