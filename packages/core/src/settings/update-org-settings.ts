import type { OrgTx } from "@safeguard/db/tenant";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import type { Actor } from "../members/actor";
import { getOrgSettings } from "./get-org-settings";
import { orgSettingsSchema, type OrgSettings } from "./settings-schema";

/** Saves the settings and records which fields changed (before → after) in the audit log. */
export async function updateOrgSettings(tx: OrgTx, args: { orgId: string; actor: Actor; input: OrgSettings }, meta: RequestMeta): Promise<OrgSettings> {
  const next = orgSettingsSchema.parse(args.input);
  const { slug: _slug, ...before } = await getOrgSettings(tx, args.orgId);
  await tx.organization.update({ where: { id: args.orgId }, data: next });
  const changes = Object.fromEntries(
    (Object.keys(next) as Array<keyof OrgSettings>)
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]))
      .map((k) => [k, { from: before[k], to: next[k] }]),
  );
  if (Object.keys(changes).length > 0) {
    await recordAuditEvent(tx, args.orgId, { action: AUDIT_ACTIONS.settingsUpdated, actorUserId: args.actor.userId, actorEmail: args.actor.email, targetType: "organization", targetId: args.orgId, metadata: { changes }, ...meta });
  }
  return next;
}
