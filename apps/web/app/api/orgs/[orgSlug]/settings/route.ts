import { getOrgSettings } from "@safeguard/core/settings/get-org-settings";
import { orgSettingsSchema } from "@safeguard/core/settings/settings-schema";
import { updateOrgSettings } from "@safeguard/core/settings/update-org-settings";
import { orgRoute } from "../../../../../server/org-route";

export const GET = orgRoute("settings.manage", ({ tx, ctx }) => getOrgSettings(tx, ctx.orgId));
export const PUT = orgRoute("settings.manage", orgSettingsSchema, ({ tx, ctx, input, meta }) => updateOrgSettings(tx, { orgId: ctx.orgId, actor: ctx, input }, meta));
