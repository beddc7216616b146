import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getInvitationPreview } from "@safeguard/core/members/accept-invitation";
import { NotFoundError } from "@safeguard/core/errors";
import { roleLabel } from "../../../../lib/roles";
import { resolveUserContext } from "../../../../server/org-context";
import { AcceptInvitation } from "./_components/accept-invitation";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await getInvitationPreview(token).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const user = await resolveUserContext();
  const here = `/invite/${token}`;
  return (
    <>
      <h1>Join {preview.orgName}</h1>
      <p className="muted">Invitation for <strong>{preview.email}</strong> as {roleLabel(preview.role)}.</p>
      {preview.status !== "valid" ? (
        <div className="alert warning">This invitation is {preview.status}. Ask an administrator of {preview.orgName} for a new one.</div>
      ) : user && user.email.toLowerCase() !== preview.email.toLowerCase() ? (
        <div className="alert warning">You are signed in as {user.email}. Sign out, then open this link again as {preview.email}.</div>
      ) : !user && preview.userExists ? (
        <Link className="button full" href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>Sign in to accept</Link>
      ) : (
        <AcceptInvitation token={token} email={preview.email} signedIn={user != null} />
      )}
    </>
  );
}
