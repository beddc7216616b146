import { z } from "zod";

/**
 * The web app's configuration, validated once on first use (not at import time, so `next build`
 * does not need production secrets). Everything in apps/web reads settings from here.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters (openssl rand -base64 32)").optional(),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  SAFEGUARD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SAFEGUARD_OIDC_ISSUER: z.url().optional().or(z.literal("").transform(() => undefined)),
  SAFEGUARD_OIDC_CLIENT_ID: z.string().optional(),
  SAFEGUARD_OIDC_CLIENT_SECRET: z.string().optional(),
  SAFEGUARD_OIDC_NAME: z.string().default("Single sign-on"),
  SAFEGUARD_AWS_PRINCIPAL_ARN: z.string().optional(),
});

export type WebEnv = z.infer<typeof schema> & { NEXTAUTH_SECRET: string; oidcEnabled: boolean };

let cached: WebEnv | undefined;

export function env(): WebEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid web configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  if (!e.NEXTAUTH_SECRET && e.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is required in production (openssl rand -base64 32).");
  cached = {
    ...e,
    // Development only: a fixed secret so `next dev` works before .env is filled in.
    NEXTAUTH_SECRET: e.NEXTAUTH_SECRET ?? "safeguard-development-secret-not-for-production",
    oidcEnabled: Boolean(e.SAFEGUARD_OIDC_ISSUER && e.SAFEGUARD_OIDC_CLIENT_ID && e.SAFEGUARD_OIDC_CLIENT_SECRET),
  };
  return cached;
}
