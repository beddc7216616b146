import type { OrgTx } from "@safeguard/db/tenant";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { createCloudAccount, type CreateCloudAccountInput } from "../accounts/create-cloud-account";
import type { Actor } from "../members/actor";
import { requestScan } from "../scans/request-scan";

/**
 * Onboarding: registers the account (accounts/create-cloud-account seals the Azure secret and makes
 * the AWS external ID) and audits it without any secret. Azure credentials are complete at this
 * point, so its first scan is queued at once; an AWS role usually does not exist yet (it needs the
 * external ID shown after this step), so AWS waits for "Scan now". Returns the scan to enqueue.
 */
export async function connectCloudAccount(
  tx: OrgTx,
  args: { orgId: string; actor: Actor; input: CreateCloudAccountInput },
  meta: RequestMeta,
): Promise<{ accountId: string; provider: "AWS" | "AZURE"; externalId: string | null; scanRunId: string | null }> {
  const account = await createCloudAccount({ tx, orgId: args.orgId, input: args.input });
  await recordAuditEvent(tx, args.orgId, {
    action: AUDIT_ACTIONS.accountCreated,
    actorUserId: args.actor.userId,
    actorEmail: args.actor.email,
    targetType: "cloud_account",
    targetId: account.id,
    metadata: { provider: account.provider, name: account.name, externalAccountId: account.externalAccountId },
    ...meta,
  });
  const scan = account.provider === "AZURE" ? await requestScan({ tx, accountId: account.id, kind: "FULL", trigger: "ONBOARDING" }) : null;
  return { accountId: account.id, provider: account.provider, externalId: account.awsExternalId, scanRunId: scan?.id ?? null };
}
