// Root user MFA is a hardware (or passkey) device, not a virtual one (Prowler iam_root_hardware_mfa_enabled).
// Reads Safeguard::AWS::Account `virtualMfaDevices` = IAM ListVirtualMFADevices .VirtualMFADevices, an optional
// contract field (docs/architecture.md): absent = not collected (NOT_APPLICABLE, e.g. a snapshot recorded before the collector read it), null = read failed (ERROR).
import { aws, fix } from "../../lib/define";
import { asArray, isObj, num, type Obj } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import { collectionError } from "./account-facts";
import { ACCOUNT } from "./region-facts";

const DEVICES = "configuration.virtualMfaDevices";

/** A virtual device assigned to the root user: IAM names it …:mfa/root-account-mfa-device, its User the root ARN. */
const isRootDevice = (d: Obj): boolean =>
  (typeof d.SerialNumber === "string" && d.SerialNumber.endsWith(":mfa/root-account-mfa-device"))
  || (isObj(d.User) && typeof d.User.Arn === "string" && d.User.Arn.endsWith(":root"));

export const rootHardwareMfaChecks = [
  aws({
    id: "aws.iam.account.root-hardware-mfa", resourceType: ACCOUNT, severity: "critical", citations: C.mfa,
    title: "Root user MFA is a hardware device or passkey, not a virtual authenticator",
    rationale: "A virtual MFA app lives on a phone that can be lost, cloned or phished; root protects every ePHI store in the account.",
    reads: ["configuration.accountSummary.AccountMFAEnabled", `${DEVICES}[].SerialNumber|User.Arn`],
    remediation: fix("Sign in as root > Security credentials > Multi-factor authentication: assign a FIDO security key or hardware TOTP token, then remove the virtual device.", "aws iam deactivate-mfa-device --user-name root --serial-number arn:aws:iam::ACCOUNT:mfa/root-account-mfa-device (then assign hardware MFA in the console as root)", "n/a (root MFA is set in the console)"),
    evaluate(r) {
      const err = collectionError(r, "ListVirtualMFADevices");
      if (err) return error(err);
      const devices = r.configuration?.virtualMfaDevices;
      if (devices === undefined) return na("not collected: IAM ListVirtualMFADevices is missing from this snapshot (recorded before the collector read it)");
      if (devices === null) return error(`${DEVICES} could not be read`);
      const summary = r.configuration?.accountSummary;
      const enabled = isObj(summary) ? num(summary.AccountMFAEnabled) : undefined;
      if (enabled === undefined) return error("configuration.accountSummary.AccountMFAEnabled not recorded");
      if (enabled < 1) return verdict(false, [ev("configuration.accountSummary.AccountMFAEnabled", enabled, 1)]);
      const virtual = asArray(devices).filter(isObj).filter(isRootDevice).map((d) => d.SerialNumber ?? null);
      return verdict(virtual.length === 0, [ev("configuration.accountSummary.AccountMFAEnabled", enabled, 1), ev(`${DEVICES}[root]`, virtual.length === 0 ? "no virtual device on root" : virtual, "none")]);
    },
  }),
];
