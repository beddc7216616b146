// The database settings, validated once. Everything else imports from here, never process.env.
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function parseUrl(name: string, value: string | undefined): URL {
  if (!value) {
    throw new ConfigError(`${name} is not set. Copy .env.example to .env, or run \`npm run services\` to print working values.`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected postgresql://user:password@host:5432/database).`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new ConfigError(`${name} must start with postgresql:// (got ${url.protocol}//…).`);
  }
  if (!url.pathname || url.pathname === "/") {
    throw new ConfigError(`${name} names no database (add /safeguard at the end).`);
  }
  return url;
}

/** The application's connection: the safeguard_app role, which row-level security applies to. */
export function databaseUrl(): string {
  return parseUrl("DATABASE_URL", process.env.DATABASE_URL).toString();
}

/** Redacts the password so URLs can be printed in error messages. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "<invalid url>";
  }
}
