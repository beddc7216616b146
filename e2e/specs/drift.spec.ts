import { expect, test, type Page } from "@playwright/test";
import { DEMO, demoEmail, signIn } from "./helpers";

// The product's whole loop in the browser: a bucket drifts public in the (simulated) cloud, a security
// officer presses "Scan now", and the failing finding and the drift event appear.
const SIM = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 4577}`;

interface AccountView { id: string; provider: string; name: string; lastScanAt: string | null; currentScan: unknown }
interface FindingsPage { items: Array<{ checkId: string; status: string }> }

async function accounts(page: Page): Promise<AccountView[]> {
  const response = await page.request.get(`/api/orgs/${DEMO.slug}/accounts`);
  expect(response.status()).toBe(200);
  return (await response.json()) as AccountView[];
}

test("a bucket made public shows up as a new failing finding and a drift event after Scan now", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, demoEmail("security-officer"), DEMO.password);

  // The seed queued first scans; wait until every account has finished one.
  await expect(async () => {
    const list = await accounts(page);
    expect(list.length).toBeGreaterThan(0);
    for (const a of list) expect(a.lastScanAt !== null && a.currentScan === null, a.name).toBe(true);
  }).toPass({ timeout: 90_000 });

  const drift = await page.request.post(`${SIM}/_sim/drift`, { data: { op: "make-bucket-public" } });
  expect(drift.status()).toBe(200);
  const [change] = ((await drift.json()) as { changes: Array<{ nativeId: string }> }).changes;
  const bucket = change!.nativeId.split(":::")[1]!;

  const aws = (await accounts(page)).find((a) => a.provider === "AWS")!;
  await page.goto(`/${DEMO.slug}/accounts`);
  await page.locator("section", { hasText: aws.name }).getByRole("button", { name: "Scan now" }).click();

  await expect(async () => {
    const response = await page.request.get(`/api/orgs/${DEMO.slug}/findings?q=${encodeURIComponent(bucket)}&status=FAIL`);
    const failing = ((await response.json()) as FindingsPage).items.map((f) => f.checkId);
    expect(failing.some((id) => /^aws\.s3\..*public/.test(id)), failing.join(", ")).toBe(true);
  }).toPass({ timeout: 60_000 });

  await page.goto(`/${DEMO.slug}/overview`);
  await expect(page.getByRole("heading", { name: "Newest drift" })).toBeVisible();
  await expect(page.getByText(bucket).first()).toBeVisible();
});
