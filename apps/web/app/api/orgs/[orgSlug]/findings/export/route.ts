import { z } from "zod";
import { exportFindings } from "@safeguard/core/findings/export-findings";
import { findingFiltersSchema } from "@safeguard/core/findings/finding-filters";
import { orgRoute } from "../../../../../../server/org-route";

const exportSchema = findingFiltersSchema.extend({ format: z.enum(["csv", "json"]).default("csv") });

/**
 * GET /api/orgs/:slug/findings/export?format=csv|json&<the explorer's filters>
 * Streamed: rows leave as each keyset batch is read, each batch in its own short tenant transaction.
 */
export const GET = orgRoute("findings.export", exportSchema, ({ ctx, input }) => {
  const { format, ...filters } = input;
  const chunks = exportFindings({ orgId: ctx.orgId, filters, format });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error("[safeguard] findings export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return Promise.resolve(
    new Response(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="findings-${ctx.slug}-${stamp}.${format}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    }),
  );
});
