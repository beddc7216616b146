import { z } from "zod";

/** Words that would collide with top-level routes or confuse people. */
const RESERVED = new Set(["api", "app", "admin", "auth", "sign-in", "sign-up", "signin", "signup", "sign-out", "invite", "invitations", "account", "orgs", "settings", "static", "_next", "new", "www", "safeguard", "help", "support"]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens (not at the ends).")
  .refine((s) => !RESERVED.has(s), "This address is reserved; choose another.");

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `${base || "org"}-team`;
}
