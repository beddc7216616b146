import { prisma } from "@safeguard/db/client";
import { ConflictError, NotFoundError } from "../errors";
import { seal } from "../security/secret-box";
import { base32Encode, generateTotpSecret, otpauthUri } from "./totp";

export interface MfaEnrolment {
  /** for manual entry in the authenticator app */
  secretBase32: string;
  /** for the QR code */
  otpauthUri: string;
}

/**
 * Starts enrolment: a new seed is stored sealed (mfaSecretEnc set, mfaEnabledAt still null), so MFA
 * is not active until the user proves their app produces codes (confirmMfaEnrolment). Starting again
 * replaces an unconfirmed seed.
 */
export async function beginMfaEnrolment(userId: string): Promise<MfaEnrolment> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { email: true, mfaEnabledAt: true } });
  if (!user) throw new NotFoundError("User");
  if (user.mfaEnabledAt) throw new ConflictError("Two-factor authentication is already on. Turn it off first to enrol a new device.");
  const secret = generateTotpSecret();
  await prisma().user.update({ where: { id: userId }, data: { mfaSecretEnc: new Uint8Array(seal(secret.toString("base64"))) } });
  return { secretBase32: base32Encode(secret).replace(/(.{4})/g, "$1 ").trim(), otpauthUri: otpauthUri(secret, user.email) };
}
