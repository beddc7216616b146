"use server";

import { attestManualControl } from "@safeguard/core/manual-controls/attest-manual-control";
import { attestManualControlSchema, updateManualControlSchema } from "@safeguard/core/manual-controls/manual-control-input";
import { updateManualControl } from "@safeguard/core/manual-controls/update-manual-control";
import { orgAction } from "../../../../server/org-action";

export const updateManualControlAction = orgAction("manual-controls.manage", updateManualControlSchema, ({ ctx, tx, input }) =>
  updateManualControl({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, input }));

export const attestManualControlAction = orgAction("manual-controls.manage", attestManualControlSchema, async ({ ctx, tx, input }) => {
  const r = await attestManualControl({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, input });
  return { id: r.id, nextReviewDueAt: r.nextReviewDueAt.toISOString() };
});
