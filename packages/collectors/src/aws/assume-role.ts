// Step one of every AWS scan: Safeguard's platform identity assumes the customer's audit role with the
// external ID from onboarding. Failures here are account problems (wrong ARN, trust, external ID).
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity } from "@smithy/types";
import { CloudCallError, toCloudCallError } from "../errors";
import { clientConfig, type AwsConnection } from "./clients";

export interface AwsRoleTarget {
  roleArn: string;
  externalId: string;
  /** shows up in the customer's CloudTrail: who assumed the role and why */
  sessionName: string;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export async function assumeAuditRole(conn: AwsConnection, target: AwsRoleTarget, region = "us-east-1"): Promise<AwsCredentialIdentity> {
  if (!ROLE_ARN.test(target.roleArn)) {
    throw new CloudCallError("aws", "assume-role", "sts:AssumeRole", "ValidationError", `"${target.roleArn}" is not an IAM role ARN`);
  }
  const sts = new STSClient(clientConfig({ ...conn, maxAttempts: 3 }, region));
  try {
    const out = await sts.send(new AssumeRoleCommand({
      RoleArn: target.roleArn,
      ExternalId: target.externalId,
      RoleSessionName: target.sessionName.replace(/[^\w+=,.@-]/g, "-").slice(0, 64),
      DurationSeconds: 3600,
    }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new CloudCallError("aws", "assume-role", "sts:AssumeRole", "NoCredentials", "STS returned no credentials");
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  } catch (error) {
    throw toCloudCallError("aws", "assume-role", "sts:AssumeRole", error);
  } finally {
    sts.destroy();
  }
}
