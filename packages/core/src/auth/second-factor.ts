import { prisma } from "@safeguard/db/client";
import { open } from "../security/secret-box";
import { consumeRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { claimTotpStep } from "./sign-in-throttle";
import { verifyTotp } from "./totp";

export type SecondFactorResult = "totp" | "recovery" | null;

/**
 * Checks a 6-digit TOTP code (each code works once) or one of the user's recovery codes (consumed
 * on use). Used at sign-in and to confirm disabling MFA.
 */
export async function verifySecondFactor(userId: string, code: string, now = Date.now()): Promise<SecondFactorResult> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { mfaSecretEnc: true, mfaEnabledAt: true, recoveryCodeHashes: true } });
  if (!user?.mfaSecretEnc || !user.mfaEnabledAt) return null;
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed.replace(/\s/g, ""))) {
    const step = verifyTotp(Buffer.from(open(user.mfaSecretEnc), "base64"), trimmed, now);
    return step != null && (await claimTotpStep(userId, step)) ? "totp" : null;
  }
  if (!looksLikeRecoveryCode(trimmed)) return null;
  const remaining = consumeRecoveryCode(user.recoveryCodeHashes, trimmed);
  if (!remaining) return null;
  // Conditional update: two concurrent uses of the same code cannot both succeed.
  const { count } = await prisma().user.updateMany({
    where: { id: userId, recoveryCodeHashes: { equals: user.recoveryCodeHashes } },
    data: { recoveryCodeHashes: remaining },
  });
  return count === 1 ? "recovery" : null;
}
