// Works around a gap in the wasm engine (schema-engine-wasm 8.1.0-2.59be4fda): evaluateDataLoss and
// createMigration compute "the schema the migrations produce" without access to the adapter's shadow database,
// and only succeed when that schema is already in the engine's per-process MigrationSchemaCache. The cache is
// filled by diagnoseMigrationHistory (called by devDiagnostic), keyed by the *applied* migrations. So in
// `migrate dev` right after it applied a pending migration, the key differs and the call fails with
// "PostgreSQL shadow DB must be provided through an external factory". Re-running the diagnosis once all
// migrations are applied fills the cache under the right key.

const NO_SHADOW_FACTORY = "shadow DB must be provided through an external factory";

/**
 * @param {object} engine the wasm SchemaEngine
 * @param {{ migrationsList: object, filters: object }} params evaluateDataLoss / createMigration input
 * @param {() => Promise<unknown>} call the engine call to make
 */
export async function withMigrationSchemaCached(engine, params, call) {
  try {
    return await call();
  } catch (error) {
    if (!String(error?.message).includes(NO_SHADOW_FACTORY)) throw error;
    await engine.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters });
    try {
      return await call();
    } catch (retryError) {
      if (!String(retryError?.message).includes(NO_SHADOW_FACTORY)) throw retryError;
      throw Object.assign(
        new Error(
          "The wasm schema engine can only compare against the migration history once every migration in the folder is applied. Apply them first (prisma migrate dev, or migrate deploy), then run this again.",
        ),
        { code: retryError.code },
      );
    }
  }
}
