import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant, withTenantReader } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { MANUAL_CONTROLS } from "@safeguard/controls/catalog";
import { NotFoundError, ValidationError } from "../errors";
import { seedOrganization, seedUser } from "../findings/testing/seed-estate";
import { attestManualControl } from "./attest-manual-control";
import { findAttestations } from "./find-attestations";
import { findOverdueManualControls } from "./find-overdue-manual-controls";
import { getStoredFile } from "./get-stored-file";
import { listManualControls } from "./list-manual-controls";
import { storeEvidenceFile } from "./store-evidence-file";
import { updateManualControl } from "./update-manual-control";

const db = useTestDatabase();
let owner: pg.Client;
let orgA = "";
let orgB = "";
let officer = "";
let outsider = "";
let root = "";
const citation = MANUAL_CONTROLS[0]!.citation;
const DAY = 86_400_000;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: db.current().ownerUrl });
  await owner.connect();
  orgA = await seedOrganization(owner, { slug: "mc-a" });
  orgB = await seedOrganization(owner, { slug: "mc-b" });
  officer = await seedUser(owner, { orgId: orgA, email: "so@mc.test", role: "SECURITY_OFFICER" });
  outsider = await seedUser(owner, { orgId: orgB, email: "x@mc.test", role: "OWNER" });
  root = await mkdtemp(join(tmpdir(), "sg-files-"));
});

afterAll(async () => {
  await owner?.end();
  await rm(root, { recursive: true, force: true });
});

const actor = () => ({ userId: officer, email: "so@mc.test" });
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describe("manual controls", () => {
  it("lists every catalog manual control as never attested until someone attests", async () => {
    const all = await withTenantReader(orgA, (db) => listManualControls({ db }));
    expect(all).toHaveLength(MANUAL_CONTROLS.length);
    expect(all.every((c) => c.state === "never")).toBe(true);
    expect(await withTenantReader(orgA, (db) => findOverdueManualControls({ db }))).toHaveLength(MANUAL_CONTROLS.length);
  });

  it("sets an owner only from this organisation's members", async () => {
    await withTenant(orgA, (tx) => updateManualControl({ tx, orgId: orgA, actor: actor(), input: { citation, ownerUserId: officer, statement: "Annual risk analysis by the security office.", reviewIntervalDays: 90 } }));
    await expect(withTenant(orgA, (tx) => updateManualControl({ tx, orgId: orgA, actor: actor(), input: { citation, ownerUserId: outsider } })))
      .rejects.toMatchObject({ issues: [{ field: "ownerUserId" }] });
    await expect(withTenant(orgA, (tx) => updateManualControl({ tx, orgId: orgA, actor: actor(), input: { citation: "164.312(a)(1)" } })))
      .rejects.toBeInstanceOf(NotFoundError);
    const c = (await withTenantReader(orgA, (db) => listManualControls({ db }))).find((m) => m.citation === citation)!;
    expect(c.owner?.id).toBe(officer);
    expect(c.reviewIntervalDays).toBe(90);
  });

  it("stores evidence by content hash after checking its bytes and size", async () => {
    const f = await withTenant(orgA, (tx) => storeEvidenceFile({ tx, orgId: orgA, actor: actor(), fileName: "../../risk-analysis.pdf", bytes: PDF, root }));
    expect(f.contentType).toBe("application/pdf");
    expect(f.fileName).toBe("risk-analysis.pdf");
    const row = await withTenant(orgA, (tx) => getStoredFile({ tx, fileId: f.id }));
    expect(await readFile(join(root, row.storageKey))).toEqual(PDF);
    await expect(withTenant(orgB, (tx) => getStoredFile({ tx, fileId: f.id }))).rejects.toBeInstanceOf(NotFoundError);

    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    await expect(withTenant(orgA, (tx) => storeEvidenceFile({ tx, orgId: orgA, actor: actor(), fileName: "report.pdf", bytes: exe, root }))).rejects.toBeInstanceOf(ValidationError);
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 0x61);
    await expect(withTenant(orgA, (tx) => storeEvidenceFile({ tx, orgId: orgA, actor: actor(), fileName: "big.txt", bytes: huge, root })))
      .rejects.toMatchObject({ issues: [{ field: "file" }] });
    const csv = await withTenant(orgA, (tx) => storeEvidenceFile({ tx, orgId: orgA, actor: actor(), fileName: "training.csv", bytes: Buffer.from("name,completed\nAda,2026-01-02\n"), root }));
    expect(csv.contentType).toBe("text/csv");
  });

  it("an attestation makes the control current until its review interval passes", async () => {
    const file = await withTenant(orgA, (tx) => storeEvidenceFile({ tx, orgId: orgA, actor: actor(), fileName: "ra.pdf", bytes: PDF, root }));
    const now = new Date();
    const r = await withTenant(orgA, (tx) => attestManualControl({ tx, orgId: orgA, actor: actor(), now, input: { citation, statement: "Risk analysis reviewed and signed by the CISO.", evidenceFileIds: [file.id] } }));
    expect(r.nextReviewDueAt.getTime()).toBe(now.getTime() + 90 * DAY);
    const current = (await withTenantReader(orgA, (db) => listManualControls({ db, now }))).find((m) => m.citation === citation)!;
    expect(current.state).toBe("current");
    expect(await withTenantReader(orgA, (db) => findOverdueManualControls({ db, now }))).toHaveLength(MANUAL_CONTROLS.length - 1);
    const later = new Date(now.getTime() + 91 * DAY);
    const overdue = await withTenantReader(orgA, (db) => findOverdueManualControls({ db, now: later }));
    expect(overdue.find((m) => m.citation === citation)?.state).toBe("overdue");
    const history = await withTenant(orgA, (tx) => findAttestations({ tx, citation }));
    expect(history[0]!.files.map((f) => f.id)).toEqual([file.id]);
    const audit = await owner.query<{ action: string }>("SELECT action FROM audit_logs WHERE org_id = $1 AND action LIKE 'manual_control.%' ORDER BY created_at", [orgA]);
    expect(audit.rows.map((a) => a.action)).toContain("manual_control.attested");
  });

  it("refuses evidence ids from another organisation", async () => {
    const foreign = await withTenant(orgB, (tx) => storeEvidenceFile({ tx, orgId: orgB, actor: { userId: outsider }, fileName: "b.pdf", bytes: PDF, root }));
    await expect(withTenant(orgA, (tx) => attestManualControl({ tx, orgId: orgA, actor: actor(), input: { citation, statement: "Trying to attach another tenant's file.", evidenceFileIds: [foreign.id] } })))
      .rejects.toMatchObject({ issues: [{ field: "evidenceFileIds" }] });
  });
});
