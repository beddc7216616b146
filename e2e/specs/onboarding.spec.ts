import { expect, test } from "@playwright/test";
import { signUpFreshOrg } from "./helpers";

test("a new organisation is guided to connect its first cloud account", async ({ page }) => {
  const { slug } = await signUpFreshOrg(page);
  await page.goto(`/${slug}/overview`);
  const onboard = page.getByRole("link", { name: /connect|onboard|add .*account/i }).first();
  await expect(onboard).toBeVisible();
  await onboard.click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/accounts`));
});

test("bad sign-up input is refused with the field and the reason", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Weak Password");
  await page.getByLabel("Work email").fill("weak@e2e.safeguard.local");
  await page.getByLabel("Password").fill("password1234");
  await page.getByLabel("Organisation name").fill("Weak Clinic");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText(/common|too easy|guess/i)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);
});
