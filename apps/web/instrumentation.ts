// Runs once when the Next.js server starts: bad configuration (DATABASE_URL, unreachable Postgres or
// Redis, pending migrations) stops the server with one line that says what to fix, instead of every
// page failing later with a stack trace.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { PreflightError } = await import("@safeguard/core/ops/preflight");
  const { webPreflight } = await import("./server/preflight");
  try {
    await webPreflight();
  } catch (error) {
    console.error(`safeguard web: ${error instanceof PreflightError ? error.message : (error as Error).message}`);
    process.exit(1);
  }
}
