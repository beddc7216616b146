import { z } from "zod";
import { attestManualControlSchema } from "@safeguard/core/manual-controls/manual-control-input";
import { attestManualControl } from "@safeguard/core/manual-controls/attest-manual-control";
import { findAttestations } from "@safeguard/core/manual-controls/find-attestations";
import { orgRoute } from "../../../../../../server/org-route";

/** GET /api/orgs/:slug/manual-controls/attestations?citation=164.308(a)(1)(ii)(A) */
export const GET = orgRoute("dashboard.read", attestManualControlSchema.pick({ citation: true }).extend({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  ({ tx, input }) => findAttestations({ tx, citation: input.citation, limit: input.limit }));

/** POST /api/orgs/:slug/manual-controls/attestations { citation, statement, evidenceFileIds[] } */
export const POST = orgRoute("manual-controls.manage", attestManualControlSchema, ({ ctx, tx, input }) =>
  attestManualControl({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, input }));
