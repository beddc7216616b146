import type { Metadata } from "next";
import Link from "next/link";
import { env } from "../../../env";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

function safeCallback(raw: string | undefined): string {
  // Only same-site paths: an open redirect would let a phishing link bounce users elsewhere.
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const e = env();
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">Monitor your cloud accounts against the HIPAA Security Rule.</p>
      {params.reason === "idle" && <div className="alert info">Your session ended after a period of inactivity. Sign in again to continue.</div>}
      {params.reason === "signed-out-everywhere" && <div className="alert info">You have been signed out on every device.</div>}
      <SignInForm callbackUrl={safeCallback(params.callbackUrl)} initialError={params.error ?? null} oidc={e.oidcEnabled ? { name: e.SAFEGUARD_OIDC_NAME } : null} />
      <p className="muted small" style={{ marginTop: 16 }}>
        New to Safeguard? <Link href="/sign-up">Create an organisation</Link>
      </p>
    </>
  );
}
