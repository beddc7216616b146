"use server";

import { z } from "zod";
import { CreateCloudAccountInput } from "@safeguard/core/accounts/create-cloud-account";
import { connectCloudAccount } from "@safeguard/core/onboarding/connect-cloud-account";
import { cancelScan } from "@safeguard/core/scans/cancel-scan";
import { requestScan } from "@safeguard/core/scans/request-scan";
import { enqueue } from "@safeguard/jobs/queues";
import { orgAction } from "../../../../server/org-action";

/** Adds an AWS account or Azure subscription. The Azure secret is sealed in core and never returned. */
export const connectAccountAction = orgAction("accounts.manage", CreateCloudAccountInput, async ({ ctx, input, tx, meta, afterCommit }) => {
  const result = await connectCloudAccount(tx, { orgId: ctx.orgId, actor: ctx, input }, meta);
  if (result.scanRunId) {
    const scanRunId = result.scanRunId;
    afterCommit(() => enqueue("scan.account", { scanRunId }));
  }
  return { accountId: result.accountId, provider: result.provider, scanQueued: result.scanRunId != null };
});

export const scanNowAction = orgAction("scans.run", z.object({ accountId: z.uuid("Unknown account.") }), async ({ input, tx, afterCommit }) => {
  const run = await requestScan({ tx, accountId: input.accountId, kind: "FULL", trigger: "MANUAL" });
  afterCommit(() => enqueue("scan.account", { scanRunId: run.id }));
  return { scanRunId: run.id };
});

export const cancelScanAction = orgAction("scans.run", z.object({ scanRunId: z.uuid("Unknown scan.") }), async ({ input, tx }) =>
  cancelScan({ tx, scanRunId: input.scanRunId }),
);
