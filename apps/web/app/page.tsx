import { redirect } from "next/navigation";
import { listUserOrganizations } from "@safeguard/core/orgs/list-user-organizations";
import { resolveUserContext } from "../server/org-context";

export const dynamic = "force-dynamic";

/** Landing: signed-in people go to their first organisation (or create one), others to sign-in. */
export default async function Home() {
  const user = await resolveUserContext();
  if (!user) redirect("/sign-in");
  const orgs = await listUserOrganizations(user.userId);
  redirect(orgs[0] ? `/${orgs[0].slug}/overview` : "/orgs");
}
