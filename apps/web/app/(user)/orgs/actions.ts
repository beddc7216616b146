"use server";

import { z } from "zod";
import { createOrganization } from "@safeguard/core/orgs/create-organization";
import { userAction } from "../../../server/user-action";

const createOrgSchema = z.object({
  orgName: z.string().trim().min(2, "Use 2 to 100 characters.").max(100, "Use 2 to 100 characters."),
  slug: z.string().trim().max(40).optional().or(z.literal("")),
});

export const createOrganizationAction = userAction(createOrgSchema, async ({ user, input, meta }) => {
  const org = await createOrganization({ ownerUserId: user.userId, ownerEmail: user.email, name: input.orgName, slug: input.slug || null }, meta);
  return { slug: org.slug };
});
