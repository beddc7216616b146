// Parses the command line the Prisma CLI gives its native `schema-engine` binary.
// Shapes (read from prisma@7.10.1 build/cli.js):
//   schema-engine --datamodels <file> [--datamodels <file>…] --datasource '{"url":…,"shadowDatabaseUrl":…}'
//                 [--enabled-preview-features a,b] [--extension-types <json>]      → JSON-RPC server on stdio
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine --version

/**
 * @param {string[]} argv arguments after the script path
 * @returns {{ datamodelPaths: string[], datasource: { url?: string, shadowDatabaseUrl?: string },
 *             cliCommand: string | null, version: boolean }}
 */
export function parseEngineArgs(argv) {
  const parsed = { datamodelPaths: [], datasource: {}, cliCommand: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") parsed.datamodelPaths.push(requireValue(argv, ++i, arg));
    else if (arg === "--datasource") parsed.datasource = JSON.parse(requireValue(argv, ++i, arg));
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++; // nothing in the wasm engine uses them for postgres
    else if (arg === "--version" || arg === "-V") parsed.version = true;
    else if (arg === "cli") parsed.cliCommand = requireValue(argv, ++i, arg);
    else throw new Error(`schema-engine shim: unknown argument ${arg}`);
  }
  return parsed;
}

function requireValue(argv, index, flag) {
  const value = argv[index];
  if (value === undefined) throw new Error(`schema-engine shim: ${flag} needs a value`);
  return value;
}
