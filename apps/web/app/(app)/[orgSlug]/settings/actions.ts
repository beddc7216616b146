"use server";

import { orgSettingsSchema } from "@safeguard/core/settings/settings-schema";
import { updateOrgSettings } from "@safeguard/core/settings/update-org-settings";
import { orgAction } from "../../../../server/org-action";

export const updateSettingsAction = orgAction("settings.manage", orgSettingsSchema, ({ ctx, input, tx, meta }) =>
  updateOrgSettings(tx, { orgId: ctx.orgId, actor: ctx, input }, meta),
);
