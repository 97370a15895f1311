import type { Browser, Page } from "@playwright/test";
import { signUp, test, expect } from "./fixtures";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

/** As an owner, create an invitation link on the Settings page; the link as shown (once). */
async function createInviteLink(page: Page, slug: string, role: "EDITOR" | "VIEWER"): Promise<string> {
  await page.goto(`/w/${slug}/settings`);
  const form = page.getByRole("form", { name: "New invitation link" });
  await form.getByLabel("Invite as").selectOption(role);
  await form.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByTestId("new-invitation").getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/cbi_[A-Za-z0-9_-]{43}$/);
  return link;
}

/** A signed-out visitor opens the link, creates an account from it and is brought back to join. */
async function signUpFromLink(browser: Browser, link: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(page.getByTestId("invitation")).toContainText("invited you to join as editor");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup\?next=%2Finvite%2Fcbi_/);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@e2e.test`);
  await page.getByLabel("Password").fill("e2e-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/invite\/cbi_/);
  return { context, page };
}

test("invite by link: sign up from it, land in the workspace with the role; once removed, the next page load is not found", async ({
  page,
  owner,
  browser,
}) => {
  const name = `Lan ${uniq()}`;
  const link = await createInviteLink(page, owner.slug, "EDITOR");

  const invitee = await signUpFromLink(browser, link, name);
  await invitee.page.getByRole("button", { name: /^Join .+ as editor$/ }).click();
  await invitee.page.waitForURL(new RegExp(`/w/${owner.slug}$`));
  await expect(invitee.page.getByTestId("current-role")).toHaveText("editor");
  // The switcher in the header lists both desks: the one they made at sign-up and this one.
  await expect(invitee.page.getByRole("combobox", { name: "Workspace" }).locator("option")).toHaveCount(2);

  // Single use: the link now says so, to them and to anyone else.
  await invitee.page.goto(link);
  await expect(invitee.page.getByRole("heading", { name: /^You have already joined/ })).toBeVisible();
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(link);
  await expect(strangerPage.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();
  await stranger.close();

  await page.goto(`/w/${owner.slug}/settings`);
  await expect(page.getByTestId("invitation-row").filter({ hasText: `by ${name}` })).toContainText("used");
  const members = page.getByRole("list", { name: "Members" });
  await expect(members).toContainText(name);
  await page.getByRole("button", { name: `Remove ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(members).not.toContainText(name);

  await invitee.page.goto(`/w/${owner.slug}`);
  await expect(invitee.page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(invitee.page.getByTestId("current-role")).toHaveCount(0);
  await invitee.context.close();
});

test("presence: who else has the article open, and who is editing the selected claim", async ({ page, owner, browser }) => {
  const t = uniq();
  const quote = `Bình Nhưỡng đã gửi đạn pháo cho Nga ${t}`;
  const href = await new ImportPage(page, owner.slug).importAndOpen(
    `Báo cáo ${t}\n\nĐăng ngày: 14/09/2023\n\nNhà Trắng nói ${quote}.\n\nMinh An (Theo Wire Example)`,
  );
  const reader = new ReaderPage(page);
  await reader.selectWithMouse(0, quote);
  await page.keyboard.press("1");
  await reader.saveClaim();
  await expect(page.getByTestId("claim-details")).toBeVisible();

  const link = await createInviteLink(page, owner.slug, "EDITOR");
  await page.goto(href);
  const colleague = await signUp(browser, "colleague", test.info().workerIndex);
  const context = await browser.newContext({ storageState: colleague.storageState });
  const other = await context.newPage();
  await other.goto(link);
  await other.getByRole("button", { name: /^Join .+ as editor$/ }).click();
  await other.waitForURL(new RegExp(`/w/${owner.slug}$`));

  await other.goto(href);
  const viewing = page.getByRole("group", { name: "Also viewing" });
  await expect(viewing).toContainText(colleague.name);
  await page
    .getByTestId("claim-list")
    .getByRole("button", { name: new RegExp(quote) })
    .click();
  await expect(page.getByTestId("claim-details")).toBeVisible();
  await expect(page.getByTestId("editing-notice")).toHaveCount(0);

  await other
    .getByTestId("claim-list")
    .getByRole("button", { name: new RegExp(quote) })
    .click();
  await other.getByTestId("claim-details").getByRole("button", { name: /^Edit/ }).click();
  await expect(new ReaderPage(other).claimForm()).toBeVisible();
  await expect(page.getByTestId("editing-notice")).toHaveText(`${colleague.name} is editing this claim.`);
  await expect(viewing).toContainText(`${colleague.name}, editing a claim`);

  // Leaving the page says goodbye at once (pagehide), well before the 15 s expiry.
  await other.goto(`/w/${owner.slug}`);
  await expect(page.getByRole("group", { name: "Also viewing" })).toHaveCount(0);
  await expect(page.getByTestId("editing-notice")).toHaveCount(0);
  await context.close();
});
