import { system } from "@safeguard/db/system";
import { withTenant } from "@safeguard/db/tenant";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { ConflictError, ValidationError } from "../errors";
import { slugify, slugSchema } from "./slug";
import { uuidV7 } from "./uuid-v7";

export interface CreatedOrganization {
  id: string;
  slug: string;
  name: string;
}

/** Validates a requested slug, or derives a free one from the name (acme, acme-2, …). */
export async function chooseSlug(name: string, requested?: string | null): Promise<string> {
  if (requested) {
    const parsed = slugSchema.safeParse(requested);
    if (!parsed.success) throw ValidationError.field("slug", parsed.error.issues[0]?.message ?? "Invalid address.");
    if (await system.slugTaken(parsed.data)) throw new ValidationError([{ field: "slug", message: "This address is taken; choose another." }]);
    return parsed.data;
  }
  const base = slugify(name);
  for (let i = 1; i < 50; i++) {
    const candidate = i === 1 ? base : `${base.slice(0, 36)}-${i}`;
    if (slugSchema.safeParse(candidate).success && !(await system.slugTaken(candidate))) return candidate;
  }
  throw new ConflictError("Could not find a free address for this organisation name.");
}

/** A new organisation owned by an existing user (sign-up and "create another organisation"). */
export async function createOrganization(
  input: { ownerUserId: string; ownerEmail: string; name: string; slug?: string | null },
  meta: RequestMeta,
): Promise<CreatedOrganization> {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 100) throw ValidationError.field("orgName", "Use 2 to 100 characters.");
  const slug = await chooseSlug(name, input.slug);
  const id = uuidV7();
  try {
    await withTenant(id, async (tx) => {
      await tx.organization.create({ data: { id, slug, name } });
      await tx.membership.create({ data: { orgId: id, userId: input.ownerUserId, role: "OWNER" } });
      await recordAuditEvent(tx, id, { action: AUDIT_ACTIONS.orgCreated, actorUserId: input.ownerUserId, actorEmail: input.ownerEmail, targetType: "organization", targetId: id, metadata: { slug, name }, ...meta });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw ValidationError.field("slug", "This address is taken; choose another.");
    throw error;
  }
  return { id, slug, name };
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error != null && "code" in error && (error as { code: unknown }).code === "P2002";
}
