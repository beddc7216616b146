import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="centered">
      <div className="card narrow">
        <div className="brand" style={{ color: "var(--text)", padding: 0, marginBottom: 16 }}>
          <span className="brand-mark" aria-hidden /> Safeguard
        </div>
        {children}
      </div>
    </main>
  );
}
