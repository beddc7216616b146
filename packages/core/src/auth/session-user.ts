import { pgPool } from "@safeguard/db/pg";
import { isUuid } from "../findings/ids";

/** What the web layer needs to know about the signed-in person on every request. No secrets. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  mfaEnabled: boolean;
}

/**
 * Read on every request, so straight through node-postgres (users is a global table, not tenant
 * data; the ORM's per-query cost is not worth paying here).
 */
export async function getSessionUser(userId: string): Promise<SessionUser | null> {
  if (!isUuid(userId)) return null;
  const { rows } = await pgPool().query<SessionUser>(
    `SELECT id, email, name, session_version AS "sessionVersion", mfa_enabled_at IS NOT NULL AS "mfaEnabled" FROM users WHERE id = $1::uuid`,
    [userId],
  );
  return rows[0] ?? null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
