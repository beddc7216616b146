// stderr lines in the native engine's tracing-JSON shape. The Prisma CLI reads them: in RPC mode it keeps the
// last ERROR line's message for its report, and for `cli …` subcommands it looks for
// { level: "ERROR", target: "schema_engine::logger", fields: { error_code, message } }.

export function logLine(level, message, extraFields = {}, target = "schema_engine_shim") {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extraFields }, target })}\n`);
}
