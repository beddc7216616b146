/* global WebAssembly -- a Node global the repo lint config does not list */
// Loads @prisma/schema-engine-wasm and creates a SchemaEngine bound to the migration pg adapter.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

/**
 * The last panic message of the wasm engine. Its Rust panic hook calls
 * `global.PRISMA_WASM_PANIC_REGISTRY.set_message(…)` before trapping; without this object the trap becomes an
 * unhelpful "Cannot read properties of undefined (reading 'set_message')".
 */
export const panicRegistry = {
  message: null,
  set_message(message) {
    this.message = message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/**
 * The package's own entry (`schema_engine.js`) does `import * as wasm from "./schema_engine_bg.wasm"`, an ES
 * module wasm import that Node 20 only allows behind --experimental-wasm-modules. So the bindings module is
 * imported directly and the wasm instantiated by hand with it as the import object, which is what that entry does.
 */
async function loadBindings() {
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(bindingsPath);
  const bytes = new Uint8Array(await readFile(bindingsPath.replace(/\.js$/, ".wasm")));
  const module = await WebAssembly.compile(bytes);
  const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": bindings });
  const exports = /** @type {Record<string, Function>} */ (/** @type {unknown} */ (instance.exports));
  bindings.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return bindings;
}

/**
 * @param {{ datamodels: [string, string][], adapterFactory: object, onLog: (line: string) => void }} options
 *   datamodels: [path, content] pairs of the Prisma schema files; onLog receives the engine's JSON log lines
 */
export async function createSchemaEngine({ datamodels, adapterFactory, onLog }) {
  const { SchemaEngine } = await loadBindings();
  return SchemaEngine.new({ datamodels }, onLog, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

/**
 * A trap after a Rust panic surfaces as WebAssembly.RuntimeError ("unreachable").
 * @param {unknown} error
 * @returns {boolean}
 */
export function isWasmPanic(error) {
  return error instanceof WebAssembly.RuntimeError;
}
