import { z } from "zod";
import { prisma } from "@safeguard/db/client";
import type { RequestMeta } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { assertPasswordAcceptable } from "../auth/password-rules";
import { normaliseEmail } from "../auth/session-user";
import { ValidationError } from "../errors";
import { createOrganization, isUniqueViolation, type CreatedOrganization } from "./create-organization";
import { uuidV7 } from "./uuid-v7";

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.email("Enter a valid email address.").max(254),
  password: z.string().max(200),
  orgName: z.string().trim().min(2, "Use 2 to 100 characters.").max(100, "Use 2 to 100 characters."),
  slug: z.string().trim().max(40).optional().or(z.literal("")),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Creates a user and their first organisation, with them as OWNER. */
export async function signUp(input: SignUpInput, meta: RequestMeta): Promise<{ userId: string; org: CreatedOrganization }> {
  const email = normaliseEmail(input.email);
  assertPasswordAcceptable(input.password, { email });
  const userId = uuidV7();
  const passwordHash = await hashPassword(input.password);
  try {
    await prisma().user.create({ data: { id: userId, email, name: input.name.trim(), passwordHash } });
  } catch (error) {
    if (isUniqueViolation(error)) throw ValidationError.field("email", "An account with this email already exists. Sign in instead.");
    throw error;
  }
  try {
    const org = await createOrganization({ ownerUserId: userId, ownerEmail: email, name: input.orgName, slug: input.slug || null }, meta);
    return { userId, org };
  } catch (error) {
    // No orphan user without an organisation when the org part is refused.
    await prisma().user.delete({ where: { id: userId } }).catch(() => undefined);
    throw error;
  }
}
