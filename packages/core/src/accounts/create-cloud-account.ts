// Registers a cloud account for scanning (the onboarding UI builds on this). The Azure secret is
// sealed here and only ever opened by the worker.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { OrgTx } from "@safeguard/db/tenant";
import { seal } from "../security/secret-box";
import { ConflictError, ValidationError } from "../errors";

const awsInput = z.object({
  provider: z.literal("AWS"),
  name: z.string().trim().min(1).max(120),
  externalAccountId: z.string().regex(/^\d{12}$/, "a 12-digit AWS account id"),
  roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "an IAM role ARN (arn:aws:iam::<account>:role/<name>)"),
  /** generated when absent; the customer puts it in the role's trust policy */
  externalId: z.string().min(8).max(1224).optional(),
  regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/)).min(1),
  fullScanIntervalMinutes: z.number().int().min(60).max(10080).optional(),
  quickScanIntervalMinutes: z.number().int().min(15).max(10080).nullable().optional(),
});

const azureInput = z.object({
  provider: z.literal("AZURE"),
  name: z.string().trim().min(1).max(120),
  subscriptionId: z.uuid(),
  tenantId: z.uuid(),
  clientId: z.uuid(),
  clientSecret: z.string().min(1),
  secretExpiresAt: z.coerce.date().optional(),
  fullScanIntervalMinutes: z.number().int().min(60).max(10080).optional(),
  quickScanIntervalMinutes: z.number().int().min(15).max(10080).nullable().optional(),
});

export const CreateCloudAccountInput = z.discriminatedUnion("provider", [awsInput, azureInput]);
export type CreateCloudAccountInput = z.input<typeof CreateCloudAccountInput>;

export function generateExternalId(): string {
  return `sg-${randomBytes(18).toString("base64url")}`;
}

export async function createCloudAccount({ tx, orgId, input }: { tx: OrgTx; orgId: string; input: CreateCloudAccountInput }) {
  const parsed = CreateCloudAccountInput.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ field: i.path.join(".") || "input", message: i.message })));
  }
  const v = parsed.data;
  const externalAccountId = v.provider === "AWS" ? v.externalAccountId : v.subscriptionId;
  const existing = await tx.cloudAccount.findFirst({ where: { provider: v.provider, externalAccountId, deletedAt: null }, select: { id: true } });
  if (existing) throw new ConflictError(`This ${v.provider === "AWS" ? "AWS account" : "Azure subscription"} is already connected.`);
  const common = {
    orgId,
    name: v.name,
    provider: v.provider,
    externalAccountId,
    status: "PENDING" as const,
    fullScanIntervalMinutes: v.fullScanIntervalMinutes ?? null,
    quickScanIntervalMinutes: v.quickScanIntervalMinutes ?? null,
  };
  if (v.provider === "AWS") {
    return tx.cloudAccount.create({
      data: { ...common, awsRoleArn: v.roleArn, awsExternalId: v.externalId ?? generateExternalId(), regions: v.regions },
    });
  }
  return tx.cloudAccount.create({
    data: {
      ...common,
      azureTenantId: v.tenantId,
      azureClientId: v.clientId,
      azureClientSecretEnc: new Uint8Array(seal(v.clientSecret)),
      azureSecretExpiresAt: v.secretExpiresAt ?? null,
    },
  });
}
