/** Splits the `<reason>|<message>` text the server's authorize() throws (see server/auth-options.ts). */
export function parseSignInError(raw: string | null | undefined): { reason: string; message: string } | null {
  if (!raw) return null;
  const [reason, ...rest] = raw.split("|");
  if (rest.length === 0) {
    // next-auth's own codes (e.g. "OAuthCallback") when something failed outside authorize().
    return { reason: reason ?? "error", message: reason === "CredentialsSignin" ? "The email or password is incorrect." : "Sign-in failed. Please try again." };
  }
  return { reason: reason ?? "error", message: rest.join("|") };
}
