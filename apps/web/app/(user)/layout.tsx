import Link from "next/link";
import type { ReactNode } from "react";

export const dynamic = "force-dynamic";

/** Pages about the person rather than an organisation (security settings, organisation picker). */
export default function UserLayout({ children }: { children: ReactNode }) {
  return (
    <div className="main" style={{ minHeight: "100vh" }}>
      <header className="topbar">
        <Link href="/" className="brand" style={{ color: "var(--text)" }}><span className="brand-mark" aria-hidden /> Safeguard</Link>
      </header>
      <main className="content" style={{ maxWidth: 760, margin: "0 auto" }}>{children}</main>
    </div>
  );
}
