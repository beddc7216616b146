// The tenant's Entra ID directory as Microsoft Graph reports it: one userRegistrationDetails row per user
// (GET /v1.0/reports/authenticationMethods/userRegistrationDetails). A flawed tenant has admins without MFA
// (a break-glass account, a service admin, a contractor); in a clean one every admin registered MFA.
import type { Rng } from "../random";

export interface UserRegistrationDetails {
  id: string;
  userPrincipalName: string;
  userDisplayName: string;
  userType: "member" | "guest";
  isAdmin: boolean;
  isSsprRegistered: boolean;
  isSsprEnabled: boolean;
  isSsprCapable: boolean;
  isMfaRegistered: boolean;
  isMfaCapable: boolean;
  isPasswordlessCapable: boolean;
  methodsRegistered: string[];
  isSystemPreferredAuthenticationMethodEnabled: boolean;
  systemPreferredAuthenticationMethods: string[];
  userPreferredMethodForSecondaryAuthentication: string;
  lastUpdatedDateTime: string;
}

export interface EntraDirectory {
  users: UserRegistrationDetails[];
  /** The app registration holds AuditLog.Read.All (the report's permission); false: Graph answers 403 (tests set it). */
  reportsReadGranted: boolean;
}

const FIRST = ["alex", "sam", "jordan", "morgan", "taylor", "casey", "riley", "jamie", "avery", "quinn", "drew", "harper", "rowan", "emery", "skyler"];
const LAST = ["nguyen", "patel", "garcia", "smith", "okafor", "kim", "mueller", "rossi", "silva", "cohen", "haddad", "ito"];
const USERS = 80;

export function buildEntraDirectory(rng: Rng, opts: { domain: string; flawed: boolean; referenceMs: number }): EntraDirectory {
  const guid = () => {
    const h = rng.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const used = new Set<string>();
  const users: UserRegistrationDetails[] = [];
  const person = (upn: string, displayName: string, isAdmin: boolean, mfa: boolean): UserRegistrationDetails => ({
    id: guid(), userPrincipalName: upn, userDisplayName: displayName, userType: "member", isAdmin,
    isSsprRegistered: mfa, isSsprEnabled: true, isSsprCapable: mfa, isMfaRegistered: mfa, isMfaCapable: mfa, isPasswordlessCapable: mfa && rng.chance(0.3),
    methodsRegistered: mfa ? rng.pick([["microsoftAuthenticatorPush", "softwareOneTimePasscode"], ["microsoftAuthenticatorPush"], ["fido2", "microsoftAuthenticatorPush"], ["mobilePhone"]]) : [],
    isSystemPreferredAuthenticationMethodEnabled: true, systemPreferredAuthenticationMethods: mfa ? ["push"] : [],
    userPreferredMethodForSecondaryAuthentication: mfa ? "push" : "none",
    lastUpdatedDateTime: new Date(opts.referenceMs - rng.int(1, 200) * 86_400_000).toISOString(),
  });
  users.push(person(`breakglass@${opts.domain}`, "Break-glass Global Administrator", true, !opts.flawed));
  for (let i = 0; i < USERS; i++) {
    let upn = "";
    let name = "";
    do {
      const first = rng.pick(FIRST), last = rng.pick(LAST);
      upn = `${first}.${last}${used.size > 60 ? rng.int(2, 99) : ""}@${opts.domain}`;
      name = `${first[0]?.toUpperCase()}${first.slice(1)} ${last[0]?.toUpperCase()}${last.slice(1)}`;
    } while (used.has(upn));
    used.add(upn);
    // Roughly one user in three holds some directory role (Graph's isAdmin covers every admin role).
    const isAdmin = i % 3 === 0;
    const mfa = isAdmin ? !(opts.flawed && (i === 9 || i === 33)) : rng.chance(0.85);
    users.push(person(upn, name, isAdmin, mfa));
  }
  return { users, reportsReadGranted: true };
}
