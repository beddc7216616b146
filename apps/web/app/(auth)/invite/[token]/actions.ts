"use server";

import { acceptInvitation, acceptInvitationSchema } from "@safeguard/core/members/accept-invitation";
import { resolveUserContext } from "../../../../server/org-context";
import { publicAction } from "../../../../server/user-action";

/** Accepts as the signed-in user when there is one, otherwise creates the invited user. */
export const acceptInvitationAction = publicAction(acceptInvitationSchema, async ({ input, meta }) => {
  const user = await resolveUserContext();
  const result = await acceptInvitation({ token: input.token, signedInUserId: user?.userId ?? null, newUser: { name: input.name, password: input.password } }, meta);
  return { orgSlug: result.orgSlug, createdUser: result.createdUser };
});
