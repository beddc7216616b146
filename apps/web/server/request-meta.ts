import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@safeguard/core/audit/record-audit-event";

/** Client IP and user agent for the audit log. Behind a proxy, the first X-Forwarded-For hop. */
export function requestMetaFrom(h: Pick<Headers, "get">): RequestMeta {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}

/** The same for server actions and RSC, where there is no Request object. */
export async function currentRequestMeta(): Promise<RequestMeta> {
  try {
    return requestMetaFrom(await headers());
  } catch {
    return { ip: null, userAgent: null }; // outside a request (tests, scripts)
  }
}
