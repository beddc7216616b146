import { prisma } from "@safeguard/db/client";

/** What the web layer needs to know about the signed-in person on every request. No secrets. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  mfaEnabled: boolean;
}

export async function getSessionUser(userId: string): Promise<SessionUser | null> {
  const user = await prisma().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionVersion: true, mfaEnabledAt: true },
  });
  return user && { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, mfaEnabled: user.mfaEnabledAt != null };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
