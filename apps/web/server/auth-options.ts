import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateWithPassword, type AuthenticatedUser } from "@safeguard/core/auth/authenticate-with-password";
import { ABSOLUTE_SESSION_HOURS } from "@safeguard/core/auth/session-policy";
import { signInWithOidc } from "@safeguard/core/auth/sign-in-with-oidc";
import { env } from "../env";
import { requestMetaFrom } from "./request-meta";
import { claimsForNewSession, tokenExpired } from "./session-token";

type SafeguardUser = User & { safeguard?: AuthenticatedUser };

/** Error text the sign-in form parses: `<reason>|<message for people>`. */
export function signInErrorText(reason: string, message: string): string {
  return `${reason}|${message}`;
}

function oidcProvider(): NextAuthOptions["providers"][number] | null {
  const e = env();
  if (!e.oidcEnabled) return null;
  return {
    id: "oidc",
    name: e.SAFEGUARD_OIDC_NAME,
    type: "oauth",
    wellKnown: `${e.SAFEGUARD_OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: e.SAFEGUARD_OIDC_CLIENT_ID,
    clientSecret: e.SAFEGUARD_OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(profile: { sub: string; email?: string; name?: string; email_verified?: boolean }) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
    },
  };
}

let cached: NextAuthOptions | undefined;

/** next-auth configuration: password (+TOTP) credentials, optional OIDC, JWT sessions with idle expiry. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Code", type: "text" } },
      async authorize(credentials, req) {
        const meta = requestMetaFrom(new Headers(req.headers as Record<string, string> | undefined));
        const result = await authenticateWithPassword(
          { email: String(credentials?.email ?? ""), password: String(credentials?.password ?? ""), code: credentials?.code ? String(credentials.code) : null },
          meta,
        );
        if (!result.ok) throw new Error(signInErrorText(result.reason, result.message));
        return { id: result.user.id, email: result.user.email, name: result.user.name, safeguard: result.user } as SafeguardUser;
      },
    }),
  ];
  const oidc = oidcProvider();
  if (oidc) providers.push(oidc);

  cached = {
    secret: e.NEXTAUTH_SECRET,
    providers,
    session: { strategy: "jwt", maxAge: ABSOLUTE_SESSION_HOURS * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const p = (profile ?? {}) as { sub?: string; email?: string; email_verified?: boolean };
        if (!p.sub) return false;
        const linked = await signInWithOidc({ subject: p.sub, email: p.email, emailVerified: p.email_verified === true }, { ip: null, userAgent: null });
        if (!linked) return "/sign-in?error=" + encodeURIComponent(signInErrorText("oidc_unlinked", "No Safeguard account matches this sign-on. Ask an administrator to invite you first."));
        // next-auth passes the same user object on to the jwt callback.
        (user as SafeguardUser).safeguard = linked;
        return true;
      },
      async jwt({ token, user }) {
        const signedIn = (user as SafeguardUser | undefined)?.safeguard;
        if (signedIn) return { ...claimsForNewSession(signedIn) };
        return token;
      },
      async session({ session, token }) {
        // An idle or over-age token yields an empty session: every server entry point treats it as signed out.
        if (tokenExpired(token)) return { expires: session.expires } as typeof session;
        return { ...session, user: { name: token.name, email: token.email }, uid: token.uid, sv: token.sv, la: token.la } as typeof session;
      },
    },
  };
  return cached;
}
