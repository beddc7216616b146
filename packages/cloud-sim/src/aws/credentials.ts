// Credentials the simulator knows: the one platform principal (long-term AKIA keys) and the session
// credentials (ASIA keys) it hands out from AssumeRole, each scoped to one account.
import { randomBytes } from "node:crypto";
import type { AwsAccount } from "../estate/model";

export interface PlatformPrincipal {
  accessKeyId: string;
  secretAccessKey: string;
  arn: string;
  accountId: string;
  userId: string;
}

export interface SessionPrincipal {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
  account: AwsAccount;
  roleArn: string;
  sessionName: string;
  roleId: string;
}

export type Principal = { kind: "platform"; platform: PlatformPrincipal } | { kind: "session"; session: SessionPrincipal };

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function randomKeyId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = prefix;
  for (let i = 0; out.length < 20; i++) out += ALPHANUM[(bytes[i] as number) % ALPHANUM.length];
  return out;
}

export class CredentialStore {
  private readonly sessions = new Map<string, SessionPrincipal>();

  constructor(readonly platform: PlatformPrincipal) {}

  issueSession(account: AwsAccount, sessionName: string, durationSeconds: number): SessionPrincipal {
    const session: SessionPrincipal = {
      accessKeyId: randomKeyId("ASIA"),
      secretAccessKey: randomBytes(30).toString("base64").slice(0, 40),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(96).toString("base64")}`,
      expiresAt: Date.now() + durationSeconds * 1000,
      account,
      roleArn: account.roleArn,
      sessionName,
      roleId: `AROA${account.accountId.slice(0, 4)}${randomKeyId("").slice(0, 12)}`,
    };
    this.sessions.set(session.accessKeyId, session);
    return session;
  }

  lookup(accessKeyId: string): Principal | null {
    if (accessKeyId === this.platform.accessKeyId) return { kind: "platform", platform: this.platform };
    const session = this.sessions.get(accessKeyId);
    return session ? { kind: "session", session } : null;
  }

  secretOf(principal: Principal): string {
    return principal.kind === "platform" ? principal.platform.secretAccessKey : principal.session.secretAccessKey;
  }

  /** Drops sessions whose account no longer exists (after an estate reset). */
  clear(): void {
    this.sessions.clear();
  }
}

export function principalArn(p: Principal): string {
  return p.kind === "platform" ? p.platform.arn : `arn:aws:sts::${p.session.account.accountId}:assumed-role/${p.session.account.roleName}/${p.session.sessionName}`;
}
