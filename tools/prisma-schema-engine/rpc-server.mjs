// The native engine's JSON-RPC 2.0 server, one JSON object per line on stdin/stdout, backed by the wasm engine.
// The CLI side is `SchemaEngineCLI` in prisma@7.10.1 build/cli.js: it writes requests, matches responses by id,
// answers our `print` requests (that is how `migrate diff` output reaches its stdout), and reads
// error.data.{is_panic,message,error_code}.
import { createInterface } from "node:readline";
import { readFile } from "node:fs/promises";
import { createSchemaEngine, isWasmPanic, panicRegistry } from "./wasm-engine.mjs";
import { MigrationPgAdapterFactory } from "./pg-adapter.mjs";
import { runCliCommand } from "./cli-commands.mjs";
import { logLine } from "./log.mjs";
import { withMigrationSchemaCached } from "./migration-cache.mjs";

// RPC method → call on the wasm SchemaEngine. Methods the wasm build lacks are implemented below or refused.
const ENGINE_METHODS = {
  applyMigrations: (engine, params) => engine.applyMigrations(params),
  createMigration: (engine, params) => withMigrationSchemaCached(engine, params, () => engine.createMigration(params)),
  dbExecute: (engine, params) => engine.dbExecute(params),
  debugPanic: (engine) => engine.debugPanic(),
  devDiagnostic: (engine, params) => engine.devDiagnostic(params),
  diagnoseMigrationHistory: (engine, params) => engine.diagnoseMigrationHistory(params),
  ensureConnectionValidity: (engine, params) => engine.ensureConnectionValidity(params),
  evaluateDataLoss: (engine, params) => withMigrationSchemaCached(engine, params, () => engine.evaluateDataLoss(params)),
  getDatabaseVersion: (engine) => engine.version(),
  introspect: (engine, params) => engine.introspect(params),
  introspectSql: (engine, params) => engine.introspectSql(params),
  markMigrationApplied: (engine, params) => engine.markMigrationApplied(params),
  markMigrationRolledBack: (engine, params) => engine.markMigrationRolledBack(params),
  reset: (engine, params) => engine.reset(params),
  schemaPush: (engine, params) => engine.schemaPush(params),
};

const NO_URL_MESSAGE =
  "The schema engine shim needs datasource.url (prisma.config.ts: DATABASE_OWNER_URL or DATABASE_URL) to reach a PostgreSQL server, for every command including migrate diff.";

export async function serveRpc({ datamodelPaths, datasource }) {
  const adapterFactory = new MigrationPgAdapterFactory(datasource);
  let enginePromise = null;
  const engine = () => {
    if (!datasource.url) {
      // Even `migrate diff --from-empty --to-schema` needs it: the wasm engine reads the server version first.
      return Promise.reject(Object.assign(new Error(NO_URL_MESSAGE), { code: "P1012" }));
    }
    enginePromise ??= Promise.all(datamodelPaths.map(async (path) => [path, await readFile(path, "utf8")])).then((datamodels) =>
      createSchemaEngine({
        // `migrate diff` starts the engine without --datamodels; an empty list makes the engine panic
        // ("validate_multi_file() must be called with at least one file"), undefined means "no schema".
        datamodels: datamodels.length > 0 ? datamodels : undefined,
        adapterFactory,
        onLog: (line) => process.stderr.write(`${line}\n`),
      }),
    );
    return enginePromise;
  };

  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  let nextPrintId = 1;
  const pendingPrints = new Map();
  /** Asks the CLI to print to its stdout, and waits for its acknowledgement so output order is kept. */
  const print = (content) =>
    new Promise((resolve) => {
      const id = `print-${nextPrintId++}`;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  const handlers = {
    ...Object.fromEntries(Object.entries(ENGINE_METHODS).map(([method, call]) => [method, async (params) => call(await engine(), params)])),
    // The wasm engine returns the diff text; the native one prints it through the CLI and returns stdout: null.
    diff: async (params) => {
      const result = await (await engine()).diff(params);
      if (result.stdout) await print(result.stdout.replace(/\n$/, ""));
      return { ...result, stdout: null };
    },
    createDatabase: async (params) => {
      const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : datasource.url;
      const exitCode = await runCliCommand("create-database", { url });
      if (exitCode !== 0) throw Object.assign(new Error("Could not create the database (see the engine log)."), { code: "P1000" });
      return { databaseName: new URL(url).pathname.slice(1) };
    },
  };

  const inFlight = new Set();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      return;
    }
    const handled = answer(message, handlers[message.method], send);
    inFlight.add(handled);
    handled.finally(() => inFlight.delete(handled));
  });
  // The CLI ends stdin when it is done with the engine (SchemaEngineCLI.stop) and waits for us to exit.
  lines.on("close", async () => {
    await Promise.allSettled([...inFlight]);
    await adapterFactory.dropLeftoverShadowDatabases();
    process.exit(0);
  });
}

async function answer({ id, method, params }, handler, send) {
  if (!handler) {
    send({ jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method} (not supported by the wasm schema engine shim)` } });
    return;
  }
  try {
    const result = await handler(params);
    send({ jsonrpc: "2.0", id, result: result ?? {} });
  } catch (error) {
    send({ jsonrpc: "2.0", id, error: toRpcError(error) });
  }
}

function toRpcError(error) {
  if (isWasmPanic(error)) {
    const message = panicRegistry.message ?? String(error);
    logLine("ERROR", message, { is_panic: true });
    // For panics the CLI shows error.message (or error.data.error.message), not error.data.message.
    return { code: 4466, message, data: { is_panic: true, message, meta: null, error_code: null } };
  }
  const message = error instanceof Error ? error.message : String(error);
  logLine("ERROR", message);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, meta: error?.meta ?? null, error_code: error?.code ?? null },
  };
}
