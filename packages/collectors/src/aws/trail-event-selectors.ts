// CloudTrail event selectors for the trail items AWS Config returns (Config does not record them): each
// trail CI gets supplementaryConfiguration.EventSelectors / AdvancedEventSelectors from GetEventSelectors,
// as returned (a trail uses one kind; the other is []). Both null when the read failed: the data-events
// check then says ERROR rather than guessing.
import { CloudTrailClient, GetEventSelectorsCommand } from "@aws-sdk/client-cloudtrail";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { AwsCredentialIdentity } from "@smithy/types";
import { toCloudCallError, type CloudCallError } from "../errors";
import { clientConfig, type AwsConnection } from "./clients";
import { FOLLOW_UP_CONCURRENCY, plain } from "./describe-item";
import { mapConcurrent } from "../concurrency";

export const TRAIL = "AWS::CloudTrail::Trail";

/** Adds the selectors to the trail snapshots in `snapshots` (in place); other types pass untouched. */
export async function attachEventSelectors(conn: AwsConnection, creds: AwsCredentialIdentity, region: string, snapshots: ResourceSnapshot[], report: (e: CloudCallError) => void): Promise<void> {
  const trails = snapshots.filter((s) => s.resourceType === TRAIL);
  if (trails.length === 0) return;
  const ct = new CloudTrailClient(clientConfig(conn, region, creds));
  try {
    await mapConcurrent(trails, FOLLOW_UP_CONCURRENCY, async (t) => {
      try {
        // The ARN names the trail unambiguously; Config records a trail in its home region, where this client is.
        const out = await ct.send(new GetEventSelectorsCommand({ TrailName: t.nativeId }));
        t.supplementaryConfiguration.EventSelectors = plain(out.EventSelectors ?? []);
        t.supplementaryConfiguration.AdvancedEventSelectors = plain(out.AdvancedEventSelectors ?? []);
      } catch (error) {
        t.supplementaryConfiguration.EventSelectors = null;
        t.supplementaryConfiguration.AdvancedEventSelectors = null;
        report(toCloudCallError("aws", "describe", "cloudtrail:GetEventSelectors", error));
      }
    });
  } finally {
    ct.destroy();
  }
}
