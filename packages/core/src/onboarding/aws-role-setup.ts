/**
 * What the customer pastes into AWS so Safeguard can assume a read-only role: the trust policy
 * (Safeguard's principal + the external ID, which stops another Safeguard customer from pointing
 * Safeguard at this role: the "confused deputy") and an equivalent CloudFormation template.
 */
export const AWS_READ_POLICIES = ["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess"];

export function awsTrustPolicy(principalArn: string, externalId: string): string {
  return JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: principalArn }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": externalId } } }],
    },
    null,
    2,
  );
}

export function roleNameOf(roleArn: string): string {
  return roleArn.split(":role/")[1]?.split("/").pop() ?? "SafeguardAudit";
}

export function awsCloudFormationTemplate(principalArn: string, externalId: string, roleName: string): string {
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    "Description: Read-only role for Safeguard HIPAA monitoring",
    "Resources:",
    "  SafeguardAuditRole:",
    "    Type: AWS::IAM::Role",
    "    Properties:",
    `      RoleName: ${roleName}`,
    "      MaxSessionDuration: 3600",
    "      AssumeRolePolicyDocument:",
    "        Version: '2012-10-17'",
    "        Statement:",
    "          - Effect: Allow",
    "            Principal:",
    `              AWS: ${principalArn}`,
    "            Action: sts:AssumeRole",
    "            Condition:",
    "              StringEquals:",
    `                sts:ExternalId: ${externalId}`,
    "      ManagedPolicyArns:",
    ...AWS_READ_POLICIES.map((p) => `        - ${p}`),
    "Outputs:",
    "  RoleArn:",
    "    Value: !GetAtt SafeguardAuditRole.Arn",
    "",
  ].join("\n");
}
