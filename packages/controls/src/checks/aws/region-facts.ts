// Reading the synthetic Safeguard::AWS::Region / ::Account facts through the context.
import { asArray, isObj } from "../../lib/path";
import type { ResourceSnapshot } from "../../snapshot";
import type { EvalContext } from "../../types";

export const REGION = "Safeguard::AWS::Region";
export const ACCOUNT = "Safeguard::AWS::Account";

/** The set of ARNs AWS Backup protects in the resource's account and region, or a reason it is unknown. */
export function protectedArns(r: ResourceSnapshot, ctx: EvalContext): Set<string> | string {
  const region = ctx.region(r.accountId, r.region);
  if (!region) return `no Safeguard::AWS::Region facts for ${r.accountId}/${r.region} in this scan`;
  return ctx.memo(`backup-protected:${region.nativeId}`, () => {
    const v = region.configuration?.backupProtectedResourceArns;
    if (!Array.isArray(v)) return "AWS Backup protected resources could not be read for this region";
    return new Set(asArray(v).filter((x): x is string => typeof x === "string"));
  });
}

export const regionConfig = (r: ResourceSnapshot): Record<string, unknown> => (isObj(r.configuration) ? r.configuration : {});
