"use client";

export function AwsSetup({ name, setup }: { name: string; setup: { externalId: string; trustPolicy: string; cloudFormation: string } }) {
  return (
    <section className="card">
      <h2>Connect {name}: create the read-only role</h2>
      <p>
        In the AWS account, create an IAM role that Safeguard can assume, with the AWS managed policies <code>SecurityAudit</code> and{" "}
        <code>ReadOnlyAccess</code>. Its trust policy must require this external ID: <code>{setup.externalId}</code>
      </p>
      <div className="grid-2">
        <div>
          <h3>Trust policy (IAM console)</h3>
          <pre>{setup.trustPolicy}</pre>
        </div>
        <div>
          <h3>Or: CloudFormation template</h3>
          <pre>{setup.cloudFormation}</pre>
        </div>
      </div>
      <p className="muted small" style={{ marginTop: 12 }}>When the role exists, press “Scan now”. AWS Config must be recording in the regions you chose.</p>
    </section>
  );
}
