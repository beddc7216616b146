"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { signOutEverywhereAction } from "../../../(user)/account/actions";

export function UserMenu({ name, email, mfaEnabled }: { name: string; email: string; mfaEnabled: boolean }) {
  const [busy, setBusy] = useState(false);
  async function everywhere() {
    if (!window.confirm("Sign out on every device, including this one?")) return;
    setBusy(true);
    await signOutEverywhereAction({});
    await signOut({ callbackUrl: "/sign-in?reason=signed-out-everywhere" });
  }
  return (
    <details className="menu">
      <summary aria-label="Account menu">
        <span>{name}</span>
        <span aria-hidden>▾</span>
      </summary>
      <div className="menu-panel">
        <div style={{ padding: "8px 10px" }}>
          <div>{name}</div>
          <div className="muted small">{email}</div>
        </div>
        <hr />
        <Link href="/account/security">
          Security &amp; two-factor {mfaEnabled ? <span className="badge ok" style={{ marginLeft: "auto" }}>On</span> : <span className="badge warn" style={{ marginLeft: "auto" }}>Off</span>}
        </Link>
        <hr />
        <button type="button" onClick={() => signOut({ callbackUrl: "/sign-in" })}>Sign out</button>
        <button type="button" onClick={everywhere} disabled={busy}>Sign out everywhere</button>
      </div>
    </details>
  );
}
