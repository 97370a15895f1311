import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
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

/** The id of the workspace with `slug`, as the signed-in page's API sees it. */
export async function workspaceIdOf(page: Page, slug: string): Promise<string> {
  const res = await page.request.get("/api/v1/workspaces");
  const { items } = (await res.json()) as { items: { id: string; slug: string }[] };
  const ws = items.find((w) => w.slug === slug);
  if (!ws) throw new Error(`no workspace ${slug}`);
  return ws.id;
}

/** Sign up a colleague, add them to the owner's workspace with `role`, and open a browser as them. */
export async function colleague(page: Page, browser: Browser, owner: Account, label: string, role: "EDITOR" | "VIEWER" | "REVIEWER", worker: number) {
  const account = await signUp(browser, label, worker);
  const ws = await workspaceIdOf(page, owner.slug);
  const res = await page.request.post(`/api/v1/workspaces/${ws}/members`, { data: { email: account.email, role } });
  expect(res.status(), await res.text()).toBe(201);
  const context: BrowserContext = await browser.newContext({ storageState: account.storageState });
  const members = (await (await page.request.get(`/api/v1/workspaces/${ws}/members`)).json()) as { items: { id: string; email: string }[] };
  const userId = members.items.find((m) => m.email === account.email)?.id;
  return { account, ws, context, page: await context.newPage(), userId: userId! };
}

/** Sign in as the demo desk's viewer (the seeded demo workspace) and open its comparison page. */
export async function openDemoComparison(page: Page) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email").fill("viewer@example.com");
  await page.getByLabel("Password").fill("demo-desk-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/demo/);
  await page.goto("/w/demo/propositions");
}

export { expect };
