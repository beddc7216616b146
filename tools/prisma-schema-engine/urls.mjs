// Small helpers over postgres connection URLs. The WHATWG URL parser is enough for postgres:// URLs.

/** The same server and credentials, another database (query string such as ?schema= kept). */
export function databaseUrlWith(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** `?schema=` as Prisma uses it (the Postgres schema migrations go into), or undefined for `public`. */
export function schemaOf(url) {
  return new URL(url).searchParams.get("schema") ?? undefined;
}

/** What the engine's error messages mention: `host:port` and the database name. */
export function describeUrl(url) {
  const parsed = new URL(url);
  const host = parsed.hostname || "localhost";
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres";
  return { server: `${host}:${parsed.port || "5432"}`, database };
}
