// Creates the database and the application role if they are missing. Needs the owner connection
// (DATABASE_OWNER_URL); the role's password is taken from DATABASE_URL.
import pg from "pg";

const fail = (message) => {
  console.error(`\u001b[31m✗ ${message}\u001b[0m`);
  process.exit(1);
};

let owner, app;
try {
  owner = new URL(process.env.DATABASE_OWNER_URL);
  app = new URL(process.env.DATABASE_URL);
} catch {
  fail("DATABASE_URL or DATABASE_OWNER_URL is not a valid postgresql:// URL.");
}
const database = decodeURIComponent(owner.pathname.slice(1));
if (!/^[a-z_][a-z0-9_]*$/.test(database)) fail(`Database name "${database}" must be lower-case letters, digits and _.`);
if (decodeURIComponent(app.pathname.slice(1)) !== database) fail("DATABASE_URL and DATABASE_OWNER_URL must name the same database.");
const role = decodeURIComponent(app.username);
if (role !== "safeguard_app") fail(`DATABASE_URL must connect as safeguard_app (the role the migrations grant to and row-level security applies to), not ${role}.`);
if (!/^[a-z_][a-z0-9_]*$/.test(role)) fail(`Role name "${role}" must be lower-case letters, digits and _.`);
const password = decodeURIComponent(app.password);

const admin = new URL(owner);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
try {
  await client.connect();
} catch (error) {
  fail(`Cannot connect to PostgreSQL as the owner (${admin.username}@${admin.host}): ${error.message}`);
}
try {
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (!exists.rowCount) {
    await client.query(`CREATE DATABASE ${database}`);
    console.log(`created database ${database}`);
  }
  const roleRow = await client.query("SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = $1", [role]);
  const pw = password ? ` PASSWORD '${password.replaceAll("'", "''")}'` : "";
  if (!roleRow.rowCount) {
    await client.query(`CREATE ROLE ${role} LOGIN NOBYPASSRLS${pw}`);
    console.log(`created role ${role}`);
  } else {
    if (roleRow.rows[0].rolbypassrls || roleRow.rows[0].rolsuper) fail(`Role ${role} bypasses row-level security; the application role must not.`);
    await client.query(`ALTER ROLE ${role} LOGIN${pw}`);
  }
} catch (error) {
  fail(`Could not prepare the database: ${error.message}`);
} finally {
  await client.end();
}
