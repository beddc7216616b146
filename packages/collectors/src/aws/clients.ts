// SDK client settings in one place. Endpoints and platform credentials come from the environment
// through the SDK's default chain (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, instance role, …) unless the
// caller passes them; retries back off on throttling (standard mode: exponential with jitter).
import type { AwsCredentialIdentity } from "@smithy/types";

export interface AwsConnection {
  /** only for the simulator / tests; production leaves it unset */
  endpoint?: string;
  /** Safeguard's own identity; default = the SDK's provider chain */
  platformCredentials?: AwsCredentialIdentity;
  /** SDK attempts per call (throttling and 5xx are retried with backoff) */
  maxAttempts?: number;
}

export function clientConfig(conn: AwsConnection, region: string, credentials?: AwsCredentialIdentity) {
  return {
    region,
    maxAttempts: conn.maxAttempts ?? 8,
    retryMode: "standard" as const,
    ...(conn.endpoint ? { endpoint: conn.endpoint } : {}),
    ...(credentials ? { credentials } : conn.platformCredentials ? { credentials: conn.platformCredentials } : {}),
  };
}
