import { pgPool } from "./pg";

/**
 * The narrow system path: the only cross-tenant reads the application may make. Each call is a
 * SECURITY DEFINER function in the database (defined in the init migration, prisma/migrations/20261125000000_init) that answers one question
 * and returns ids plus the few fields needed to then act under withTenant().
 */

async function one<T>(sql: string, params: unknown[]): Promise<T | null> {
  const { rows } = await pgPool().query(sql, params);
  return (rows[0] as T | undefined) ?? null;
}

async function many<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const { rows } = await pgPool().query(sql, params);
  return rows as T[];
}

const orgOf = (fn: string) => async (id: string): Promise<string | null> => {
  const row = await one<{ org_id: string | null }>(`SELECT ${fn}($1::uuid) AS org_id`, [id]).catch(() => null);
  return row?.org_id ?? null;
};

export const system = {
  orgOfCloudAccount: orgOf("sg_org_of_cloud_account"),
  orgOfScanRun: orgOf("sg_org_of_scan_run"),
  orgOfEvidencePack: orgOf("sg_org_of_evidence_pack"),
  orgOfNotification: orgOf("sg_org_of_notification"),

  async orgIdBySlug(slug: string): Promise<string | null> {
    const row = await one<{ id: string | null }>("SELECT sg_org_id_by_slug($1) AS id", [slug]);
    return row?.id ?? null;
  },

  async slugTaken(slug: string): Promise<boolean> {
    const row = await one<{ taken: boolean }>("SELECT sg_slug_taken($1) AS taken", [slug]);
    return row?.taken ?? false;
  },

  membershipsOfUser(userId: string) {
    return many<{ org_id: string; slug: string; name: string; role: string; require_mfa: boolean; session_idle_minutes: number }>(
      "SELECT * FROM sg_memberships_of_user($1::uuid)",
      [userId],
    );
  },

  invitationByTokenHash(hash: string) {
    return one<{ id: string; org_id: string; email: string; role: string; expires_at: Date; accepted_at: Date | null; revoked_at: Date | null }>(
      "SELECT * FROM sg_invitation_by_token_hash($1)",
      [hash],
    );
  },

  accountsToSchedule() {
    return many<{ account_id: string; org_id: string; full_interval_minutes: number; quick_interval_minutes: number | null }>(
      "SELECT * FROM sg_accounts_to_schedule()",
    );
  },

  expiredScanLeases(now = new Date()) {
    return many<{ scan_run_id: string; org_id: string; account_id: string }>("SELECT * FROM sg_expired_scan_leases($1)", [now]);
  },

  pendingNotifications(limit: number, now = new Date()) {
    return many<{ notification_id: string; org_id: string }>("SELECT * FROM sg_pending_notifications($1, $2)", [now, limit]);
  },

  async allOrgIds(): Promise<string[]> {
    const rows = await many<{ id: string }>("SELECT sg_all_org_ids() AS id");
    return rows.map((r) => r.id);
  },

  async auditPlatformEvent(e: { action: string; actorEmail?: string | null; ip?: string | null; userAgent?: string | null; metadata?: unknown }): Promise<void> {
    await pgPool().query("SELECT sg_audit_platform_event($1, $2, $3, $4, $5::jsonb)", [
      e.action,
      e.actorEmail ?? null,
      e.ip ?? null,
      e.userAgent ?? null,
      JSON.stringify(e.metadata ?? {}),
    ]);
  },
};
