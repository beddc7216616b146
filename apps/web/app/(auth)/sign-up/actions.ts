"use server";

import { signUp, signUpSchema } from "@safeguard/core/orgs/sign-up";
import { publicAction } from "../../../server/user-action";

/** Creates the user and their organisation; the form then signs in with the same credentials. */
export const signUpAction = publicAction(signUpSchema, async ({ input, meta }) => {
  const { org } = await signUp(input, meta);
  return { slug: org.slug };
});
