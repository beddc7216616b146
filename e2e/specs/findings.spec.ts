import { expect, test } from "@playwright/test";
import { DEMO, demoEmail, signIn } from "./helpers";

test("a security officer sees failing findings from the first scan and opens one", async ({ page }) => {
  await signIn(page, demoEmail("security-officer"), DEMO.password);
  // The seed queued a first scan of each simulated account; wait for its findings to land.
  await expect(async () => {
    await page.goto(`/${DEMO.slug}/findings?status=FAIL`);
    await expect(page.getByRole("row").nth(1)).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 90_000 });
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByText(/evidence/i).first()).toBeVisible();
  await expect(page.getByText(/remediation/i).first()).toBeVisible();
});

test("a viewer does not see the administration pages", async ({ page }) => {
  await signIn(page, demoEmail("viewer"), DEMO.password);
  await page.goto(`/${DEMO.slug}/overview`);
  const nav = page.getByRole("navigation").first();
  await expect(nav.getByRole("link", { name: "Findings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
});
