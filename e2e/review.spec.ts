import { signUp, test, expect } from "./fixtures";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";
import { ReviewPage } from "./pages/review-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

const articleText = (tag: string) => `Duyệt tin ${tag}

Đăng ngày: 14/09/2023

Nhà Trắng cáo buộc Bình Nhưỡng cung cấp đạn pháo cho Nga, nhưng Moskva bác bỏ (bản ${tag}).

Minh An (Theo Wire Example)`;

test("an editor submits claims; a reviewer approves one with the keyboard and rejects one with a reason; the author cannot approve their own", async ({
  page,
  owner,
  browser,
}, info) => {
  // The owner marks two claims and submits both for review from the claim details.
  const href = await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const articleId = href.split("/").pop()!.split("?")[0]!;
  const reader = new ReaderPage(page);
  const details = page.getByTestId("claim-details");
  const review = details.getByTestId("claim-review");
  for (const [quote, key] of [
    ["cung cấp đạn pháo cho Nga", "1"],
    ["Moskva bác bỏ", "2"],
  ] as const) {
    await reader.selectWithMouse(0, quote);
    await page.keyboard.press(key);
    await reader.saveClaim();
    await expect(details).toContainText(quote);
    await expect(review.getByTestId("claim-status")).toHaveText("Draft");
    await review.getByRole("button", { name: "Submit for review" }).click();
    await expect(review.getByTestId("claim-status")).toHaveText("Submitted");
    // The owner reviews too, but not their own claim.
    await expect(review.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await expect(review).toContainText("another reviewer must approve it");
  }
  await expect(reader.claimList().getByTestId("claim-status")).toHaveText(["Submitted", "Submitted"]);

  // In the queue the author's own claims have no Approve button, and the key is refused with the reason.
  const ownQueue = new ReviewPage(page, owner.slug);
  await ownQueue.open(articleId);
  await expect(ownQueue.rows()).toHaveCount(2);
  await expect(
    ownQueue
      .rows()
      .first()
      .getByRole("button", { name: /^Approve/ }),
  ).toHaveCount(0);
  await ownQueue.ready();
  await page.keyboard.press("j");
  await expect(ownQueue.activeRow()).toHaveCount(1);
  await page.keyboard.press("a");
  await expect(page.getByRole("alert").filter({ hasText: "You cannot approve your own claim" })).toBeVisible();
  await expect(ownQueue.rows()).toHaveCount(2);

  // A second account joins as a reviewer (through the API, with the owner's browser session).
  const reviewer = await signUp(browser, "reviewer", info.workerIndex);
  const workspaces = await (await page.request.get("/api/v1/workspaces")).json();
  const ws = workspaces.items.find((w: { slug: string }) => w.slug === owner.slug);
  const added = await page.request.post(`/api/v1/workspaces/${ws.id}/members`, { data: { email: reviewer.email, role: "REVIEWER" } });
  expect(added.status()).toBe(201);

  const ctx = await browser.newContext({ storageState: reviewer.storageState });
  const rpage = await ctx.newPage();
  const queue = new ReviewPage(rpage, owner.slug);
  await queue.open(articleId);
  await expect(rpage.getByTestId("current-role")).toHaveText("reviewer");
  await expect(rpage.getByRole("link", { name: /^Review.*submitted/ })).toBeVisible();
  await expect(queue.rows()).toHaveCount(2);
  await expect(queue.rows().first()).toContainText("cung cấp đạn pháo cho Nga");

  // j selects the first claim, a approves it; the next one becomes the active row.
  await queue.ready();
  await rpage.keyboard.press("j");
  await expect(queue.activeRow()).toContainText("cung cấp đạn pháo cho Nga");
  await rpage.keyboard.press("a");
  await expect(queue.rows()).toHaveCount(1);
  await expect(queue.activeRow()).toContainText("Moskva bác bỏ");

  // r opens the reason field; an empty reason is refused next to the field; Enter confirms.
  await rpage.keyboard.press("r");
  await expect(queue.reason()).toBeFocused();
  await queue.reason().press("Enter");
  await expect(rpage.getByText("Give a reason for the rejection")).toBeVisible();
  await queue.reason().fill("The denial names no speaker");
  await queue.reason().press("Enter");
  await expect(queue.rows()).toHaveCount(0);
  await expect(rpage.getByTestId("review-empty")).toContainText("Nothing is waiting for review");
  await expect(queue.statusTabs()).toContainText("Approved (1)");
  await expect(queue.statusTabs()).toContainText("Rejected (1)");
  await ctx.close();

  // The reader shows each claim's status; the rejected one with its reason, ready to be submitted again.
  await page.goto(href);
  await expect(reader.claimList().getByTestId("claim-status")).toHaveText(["Approved", "Rejected"]);
  await expect(reader.claimList()).toContainText("Rejected: The denial names no speaker");
  await reader
    .claimList()
    .getByRole("button", { name: /Moskva bác bỏ/ })
    .click();
  await expect(details.getByTestId("rejection-reason")).toContainText("The denial names no speaker");
  await expect(review.getByRole("button", { name: "Submit for review" })).toBeVisible();
});
