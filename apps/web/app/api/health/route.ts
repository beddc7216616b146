import { NextResponse } from "next/server";
import { PreflightError } from "@safeguard/core/ops/preflight";
import { webPreflight } from "../../../server/preflight";

// Liveness + readiness for load balancers and `npm run demo`: database reachable and migrated, Redis up.
// Answers 503 with the one-line reason otherwise (no stack trace, no secrets).
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await webPreflight(2000);
    return NextResponse.json({ ok: true });
  } catch (error) {
    const reason = error instanceof PreflightError ? error.message : "health check failed";
    return NextResponse.json({ ok: false, reason }, { status: 503 });
  }
}
