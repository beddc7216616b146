import { expect, test } from "@playwright/test";
import { DEMO, signUpFreshOrg } from "./helpers";

// A member of one organisation sees a 404 for another's pages and API, never its data.
for (const path of ["overview", "findings", "inventory", "exceptions", "accounts", "audit", "members", "settings"]) {
  test(`another organisation's ${path} page is a 404`, async ({ page }) => {
    await signUpFreshOrg(page);
    const response = await page.goto(`/${DEMO.slug}/${path}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Demo Health Clinic")).toHaveCount(0);
  });
}

test("another organisation's findings API is a 404", async ({ page }) => {
  await signUpFreshOrg(page);
  const response = await page.request.get(`/api/orgs/${DEMO.slug}/findings`);
  expect(response.status()).toBe(404);
});
