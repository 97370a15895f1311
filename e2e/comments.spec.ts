import { expect, test } from "./fixtures";
import { ClaimPanel } from "./pages/claim-panel";
import { CommentsPanel, HistoryDisclosure } from "./pages/discussion";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

const QUOTE = "Triều Tiên đã chuyển đạn pháo cho Nga";
const articleText = (tag: string) => `Bình luận về đạn pháo ${tag}

Nhà Trắng nói ${QUOTE}, bản ${tag}.

Điện Kremlin bác bỏ thông tin đó, bản ${tag}.`;

test("comment on a claim, reply and resolve; the history shows an edit, and reverting brings the old note back", async ({ page, owner }) => {
  await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const reader = new ReaderPage(page);
  const panel = new ClaimPanel(page);

  await reader.selectWithMouse(0, QUOTE);
  await page.keyboard.press("1");
  await reader.claimForm().getByLabel("Note").fill("Ghi chú gốc");
  await reader.saveClaim();
  await expect(panel.detail("Note")).toHaveText("Ghi chú gốc");

  // A thread: the text is shown as typed (never as HTML), the mention highlighted.
  const comments = new CommentsPanel(page);
  await expect(comments.root()).toContainText("No comments yet.");
  await comments.write(`Nguồn nào? @${owner.name} <b>kiểm tra</b>`);
  const thread = comments.threads().first();
  await expect(thread.getByTestId("comment-body").first()).toHaveText(`Nguồn nào? @${owner.name} <b>kiểm tra</b>`);
  await expect(thread.locator("[data-mention]")).toHaveText(`@${owner.name}`);
  await expect(thread.locator("b")).toHaveCount(0);

  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  await thread.getByLabel("Reply", { exact: true }).fill("Theo Reuters, 13/9");
  await thread.getByRole("button", { name: "Send reply", exact: true }).click();
  await expect(thread.getByRole("list", { name: "Replies" })).toContainText("Theo Reuters, 13/9");

  await thread.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(thread.getByTestId("thread-resolved")).toContainText(`Resolved by ${owner.name}`);
  await expect(thread.getByRole("button", { name: "Reopen", exact: true })).toBeVisible();
  await expect(thread.getByRole("button", { name: "Reply", exact: true })).toHaveCount(0);
  await expect(comments.heading()).toHaveText("Comments (0 open, 1 resolved)");

  // An edit of the note shows in the history: who, what, before and after.
  await panel.details().getByRole("button", { name: /^Edit/ }).click();
  await reader.claimForm().getByLabel("Note").fill("Ghi chú mới");
  await reader.saveClaim();
  await expect(panel.detail("Note")).toHaveText("Ghi chú mới");

  const history = new HistoryDisclosure(page);
  await history.open();
  const edit = history.entries().first();
  await expect(edit.getByTestId("history-summary")).toHaveText("Edited the claim");
  await expect(edit).toContainText(owner.name);
  await expect(history.change(edit, "Note").locator("del")).toHaveText("Ghi chú gốc");
  await expect(history.change(edit, "Note").locator("ins")).toHaveText("Ghi chú mới");

  // Revert to the first version: the old note is back, as an edit of its own on top.
  const creation = history.entry("Marked the claim");
  await creation.getByRole("button", { name: "Revert to this version" }).click();
  await expect(panel.detail("Note")).toHaveText("Ghi chú gốc");
  await expect(history.entries()).toHaveCount(3);
  await expect(history.change(history.entries().first(), "Note").locator("ins")).toHaveText("Ghi chú gốc");
  // The claim has that version's details again: nothing left to revert to.
  await expect(creation.getByRole("button", { name: "Revert to this version" })).toHaveCount(0);

  // Stored: after a reload the claim keeps the old note and its resolved thread.
  await page.reload();
  await reader.claimList().getByRole("button").first().click();
  await expect(panel.detail("Note")).toHaveText("Ghi chú gốc");
  await expect(comments.threads()).toHaveCount(1);
  await expect(comments.threads().first().getByTestId("thread-resolved")).toBeVisible();
});

test("the history in Vietnamese: what was done, each field and its value in the reader's language", async ({ browser, page, owner }) => {
  await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const reader = new ReaderPage(page);
  await reader.selectWithMouse(0, QUOTE);
  await page.keyboard.press("1");
  await reader.claimForm().getByLabel("Note").fill("Ghi chú gốc");
  await reader.saveClaim();
  await expect(new ClaimPanel(page).detail("Note")).toHaveText("Ghi chú gốc");

  // The owner has no language setting: a Vietnamese browser reads the same claim's history.
  const context = await browser.newContext({ storageState: owner.storageState, locale: "vi-VN" });
  const vi = await context.newPage();
  await vi.goto(page.url());
  await expect(vi.locator("html")).toHaveAttribute("lang", "vi");
  await new ReaderPage(vi).claimList().getByRole("button").first().click();
  const history = new HistoryDisclosure(vi);
  await history.open();
  const creation = history.entry("Đã đánh dấu nhận định");
  await expect(creation).toHaveCount(1);
  await expect(history.change(creation, "Ghi chú").locator("ins")).toHaveText("Ghi chú gốc");
  await expect(history.change(creation, "Câu trích").locator("ins")).toHaveText(`“${QUOTE}”`);
  await expect(history.change(creation, "Trạng thái").locator("ins")).toHaveText("bản nháp");
  await expect(history.change(creation, "Mất neo").locator("ins")).toHaveText("không");
  await context.close();
});
