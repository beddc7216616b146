import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** ms epoch of the previous request, as carried by the session cookie */
  lastActivity: number;
}

/**
 * The signed-in person according to the session cookie, or null (no cookie, bad signature, idle,
 * over-age). Whether the session is still valid for the user (sign-out-everywhere) and which
 * organisations they may see is decided by org-context.ts, not here.
 */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const session = (await getServerSession(authOptions())) as { uid?: string; sv?: number; la?: number } | null;
  if (!session?.uid || typeof session.sv !== "number") return null;
  return { userId: session.uid, sessionVersion: session.sv, lastActivity: session.la ?? Date.now() };
}
