import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = { title: "Create an organisation" };

export default function SignUpPage() {
  return (
    <>
      <h1>Create your organisation</h1>
      <p className="muted">You will be its owner and can invite your team afterwards.</p>
      <SignUpForm />
      <p className="muted small" style={{ marginTop: 16 }}>
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
