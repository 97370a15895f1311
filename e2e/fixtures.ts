import { test as base, expect, type Browser, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

export type Account = { name: string; email: string; password: string; slug: string; storageState: string };

let counter = 0;

/** Sign up through the real form; returns the account and its saved session. */
export async function signUp(browser: Browser, label: string, workerIndex: number): Promise<Account> {
  counter += 1;
  const email = `${label}-${workerIndex}-${counter}-${Date.now()}@e2e.test`;
  const account = { name: `${label.charAt(0).toUpperCase()}${label.slice(1)} ${workerIndex}`, email, password: "e2e-password-1" };
  const page = await browser.newPage();
  await page.goto("/signup");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2];
  if (!slug) throw new Error(`After sign-up, expected a workspace URL (/w/…), got ${page.url()}`);
  const storageState = path.join("test-results", ".auth", `${label}-${workerIndex}-${counter}.json`);
  fs.mkdirSync(path.dirname(storageState), { recursive: true });
  await page.context().storageState({ path: storageState });
  await page.close();
  return { ...account, slug, storageState };
}

export const test = base.extend<{ page: Page }, { owner: Account }>({
  // One signed-up owner per worker, reused by every test in that worker.
  owner: [
    async ({ browser }, use, workerInfo) => {
      await use(await signUp(browser, "owner", workerInfo.workerIndex));
    },
    { scope: "worker" },
  ],
  page: async ({ browser, owner }, use) => {
    const context = await browser.newContext({ storageState: owner.storageState });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
