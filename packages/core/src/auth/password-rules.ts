import { ValidationError } from "../errors";
import { isCommonPassword } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Rules for a new password (NIST SP 800-63B style: length, and not a known-breached/common one;
 * no composition rules). Returns the reason, or null when the password is acceptable.
 */
export function passwordProblem(password: string, context: { email?: string | null; name?: string | null } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) return "This password is too common; choose one that is harder to guess.";
  const lower = password.toLowerCase();
  const email = context.email?.toLowerCase();
  if (email && (lower === email || lower === email.split("@")[0])) return "The password must not be your email address.";
  if (/^(.)\1+$/.test(password)) return "The password must not repeat a single character.";
  return null;
}

export function assertPasswordAcceptable(password: string, context: { email?: string | null } = {}, field = "password"): void {
  const problem = passwordProblem(password, context);
  if (problem) throw ValidationError.field(field, problem);
}
