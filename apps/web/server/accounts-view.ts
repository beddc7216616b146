import "server-only";
import { can } from "@safeguard/core/access/permissions";
import { awsCloudFormationTemplate, awsTrustPolicy, roleNameOf } from "@safeguard/core/onboarding/aws-role-setup";
import { listCloudAccounts, type CloudAccountRow } from "@safeguard/core/onboarding/list-cloud-accounts";
import type { OrgTx } from "@safeguard/db/tenant";
import { env } from "../env";
import type { OrgContext } from "./org-context";

export type AccountView = Omit<CloudAccountRow, "awsExternalId"> & {
  awsSetup: { externalId: string; trustPolicy: string; cloudFormation: string } | null;
};

export function safeguardPrincipalArn(): string {
  return env().SAFEGUARD_AWS_PRINCIPAL_ARN || "arn:aws:iam::<SAFEGUARD_AWS_ACCOUNT_ID>:root";
}

/** Accounts as the page shows them; the AWS setup snippets only for people who manage accounts. */
export async function accountsForView(tx: OrgTx, ctx: OrgContext): Promise<AccountView[]> {
  const rows = await listCloudAccounts(tx);
  const manage = can(ctx.role, "accounts.manage");
  const principal = safeguardPrincipalArn();
  return rows.map(({ awsExternalId, ...row }) => ({
    ...row,
    awsSetup:
      manage && row.provider === "AWS" && awsExternalId
        ? { externalId: awsExternalId, trustPolicy: awsTrustPolicy(principal, awsExternalId), cloudFormation: awsCloudFormationTemplate(principal, awsExternalId, roleNameOf(row.awsRoleArn ?? "")) }
        : null,
  }));
}
