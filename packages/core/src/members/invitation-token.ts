import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe. Only its sha256 is stored (Invitation.tokenHash). */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const INVITATION_TTL_DAYS = 7;
