#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which Prisma 7.10.1 downloads from binaries.prisma.sh and
// which cannot be downloaded here. The CLI runs whatever PRISMA_SCHEMA_ENGINE_BINARY names, so this program
// speaks the native engine's command line and JSON-RPC protocol and does the work with @prisma/schema-engine-wasm
// over @prisma/adapter-pg. See README.md in this folder.
import { parseEngineArgs } from "./args.mjs";
import { runCliCommand } from "./cli-commands.mjs";
import { serveRpc } from "./rpc-server.mjs";
import { logLine } from "./log.mjs";
import { isWasmPanic, panicRegistry } from "./wasm-engine.mjs";

// The version of the wasm build in use; the CLI only shows it (`prisma version`).
const WASM_ENGINE_COMMIT = "59be4fda12412a79eeb9c2ae727b6aa723593323";

// A panic inside an engine callback (not a request) escapes as an uncaught WebAssembly.RuntimeError. Report it
// the way the native engine does: an ERROR log line the CLI shows, and exit code 101, which it treats as a panic.
process.on("uncaughtException", (error) => {
  const panicked = isWasmPanic(error);
  logLine("ERROR", panicked ? (panicRegistry.message ?? String(error)) : String(error.stack ?? error), { is_panic: panicked });
  process.exit(panicked ? 101 : 1);
});

const args = parseEngineArgs(process.argv.slice(2));
if (args.version) {
  process.stdout.write(`schema-engine-cli ${WASM_ENGINE_COMMIT} (wasm shim)\n`);
} else if (args.cliCommand) {
  process.exitCode = await runCliCommand(args.cliCommand, args.datasource);
} else {
  await serveRpc(args);
}
