import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const DEMO = { slug: "demo-health", password: "Safeguard-demo-2026!" } as const;
export const demoEmail = (role: "owner" | "admin" | "security-officer" | "auditor" | "viewer") => `${role}@demo.safeguard.local`;

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A brand-new organisation with its owner, through the sign-up form (each test gets its own). */
export async function signUpFreshOrg(page: Page): Promise<{ email: string; password: string; slug: string }> {
  const id = randomUUID().slice(0, 8);
  const account = { email: `owner-${id}@e2e.safeguard.local`, password: `Correct-Horse-${id}-Battery`, slug: `e2e-${id}` };
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(`E2E Owner ${id}`);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByLabel("Organisation name").fill(`E2E Clinic ${id}`);
  await page.getByLabel("Address (optional)").fill(account.slug);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/${account.slug}`));
  return account;
}
