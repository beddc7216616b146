// `schema-engine --datasource {"url":…} cli <command>`: the one-shot subcommands the Prisma CLI runs before
// migrate dev/deploy/status/reset (can-connect-to-database, then create-database when it got P1003).
// They need plain connections only, so they use pg directly and never load the wasm engine.
import { logLine } from "./log.mjs";
import { runOnce } from "./pg-adapter.mjs";
import { toPrismaError } from "./db-errors.mjs";
import { databaseUrlWith, describeUrl } from "./urls.mjs";

// Connected to when the target database itself may not exist.
const MAINTENANCE_DATABASE = "postgres";

const COMMANDS = {
  "can-connect-to-database": async (url) => {
    await runOnce(url, "SELECT 1");
    return "Connection successful";
  },
  "create-database": async (url) => {
    const { database } = describeUrl(url);
    await runOnce(databaseUrlWith(url, MAINTENANCE_DATABASE), `CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    return `Database '${database}' was successfully created.`;
  },
  "drop-database": async (url) => {
    const { database } = describeUrl(url);
    await runOnce(databaseUrlWith(url, MAINTENANCE_DATABASE), `DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
    return `The database '${database}' was successfully dropped.`;
  },
};

/** @returns {Promise<number>} the exit code */
export async function runCliCommand(command, datasource) {
  // The CLI drops the first stderr line before parsing the rest as JSON, as the native binary starts with one.
  logLine("INFO", `Starting schema engine CLI (wasm shim): ${command}`);
  const run = COMMANDS[command];
  if (!run) {
    logLine("ERROR", `Unknown cli command: ${command}`, { error_code: "" }, "schema_engine::logger");
    return 1;
  }
  if (!datasource.url) {
    logLine("ERROR", "No datasource url given.", { error_code: "P1012" }, "schema_engine::logger");
    return 1;
  }
  try {
    process.stdout.write(`${await run(datasource.url)}\n`);
    return 0;
  } catch (error) {
    const { code, message } = toPrismaError(error, datasource.url);
    logLine("ERROR", message, { error_code: code }, "schema_engine::logger");
    return 1;
  }
}
