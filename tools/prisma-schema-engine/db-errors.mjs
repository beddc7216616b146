// Maps pg connection errors to the Prisma error codes the CLI branches on (P1003 makes `migrate dev` offer to
// create the database, P1001/P1000 are shown as is). Messages follow the native engine's wording.
import { describeUrl } from "./urls.mjs";

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET"]);

/** @returns {{ code: string, message: string }} */
export function toPrismaError(error, url) {
  const { server, database } = describeUrl(url);
  if (error?.code === "3D000") return { code: "P1003", message: `Database \`${database}\` does not exist on the database server at \`${server}\`.` };
  if (UNREACHABLE.has(error?.code)) return { code: "P1001", message: `Can't reach database server at \`${server}\`` };
  if (error?.code === "28P01" || error?.code === "28000") {
    return { code: "P1000", message: `Authentication failed against database server at \`${server}\`: ${error.message}` };
  }
  if (error?.code === "42P04") return { code: "P1009", message: `Database \`${database}\` already exists on the database server at \`${server}\`` };
  return { code: "P1000", message: String(error?.message ?? error) };
}
