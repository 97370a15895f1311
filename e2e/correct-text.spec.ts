import { test, expect } from "./fixtures";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

const FIRST = "Ông Kim 🚀 đã thăm nhà máy chế tạo chiến đấu cơ ở Komsomolsk, theo hãng tin Ví Dụ.";
const QUOTE = "nhà máy chế tạo chiến đấu cơ";

function articleText(tag: string) {
  return `Hội nghị thượng đỉnh ${tag} kết thúc

Đăng ngày: 14/09/2023

${FIRST}

Nhà Trắng cáo buộc Bình Nhưỡng cung cấp đạn pháo cho Nga, nhưng Moskva bác bỏ (bản ${tag}).

Minh An (Theo Wire Example)`;
}

test("correcting a paragraph keeps a claim on its words, and lists it as orphaned once they are gone", async ({ page, owner }) => {
  await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const reader = new ReaderPage(page);

  await reader.selectWithMouse(0, QUOTE);
  await expect(page.getByTestId("claim-quote")).toHaveText(QUOTE);
  await page.keyboard.press("1");
  await reader.saveClaim();
  await expect(reader.marks()).toHaveText([QUOTE]);

  const correct = async (expected: string | RegExp, text: string) => {
    // The control is revealed on hover (and on keyboard focus).
    await reader.passage(0).hover();
    await page.getByRole("button", { name: "Correct paragraph 1", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Correct paragraph 1" });
    await expect(dialog).toContainText("orphaned");
    const field = dialog.getByLabel("Paragraph text");
    await expect(field).toHaveValue(expected);
    await field.fill(text);
    await dialog.getByRole("button", { name: "Save correction" }).click();
    await expect(dialog).toHaveCount(0);
  };

  // Words inserted before the claim: the claim follows its words to their new offsets.
  const corrected = `Sáng 13/9, ông Kim 🚀 đã thăm ${QUOTE} ở Komsomolsk, theo hãng tin Ví Dụ.`;
  await correct(FIRST, corrected);
  await expect(page.getByTestId("correction-summary")).toHaveText("Paragraph 1 corrected: 1 claim moved.");
  await expect(reader.passage(0)).toHaveText(corrected);
  await expect(reader.marks()).toHaveText([QUOTE]);
  await page.reload();
  await expect(reader.passage(0)).toHaveText(corrected);
  await expect(reader.marks()).toHaveText([QUOTE]);
  await expect(reader.claimList()).not.toContainText("Orphaned");

  // The quoted words removed: the claim is kept, not highlighted, and listed as orphaned with its quote.
  const shortened = "Sáng 13/9, ông Kim 🚀 đã thăm Komsomolsk, theo hãng tin Ví Dụ.";
  await correct(corrected, shortened);
  await expect(page.getByTestId("correction-summary")).toHaveText("Paragraph 1 corrected: 1 claim orphaned.");
  await expect(reader.passage(0)).toHaveText(shortened);
  await expect(reader.marks()).toHaveCount(0);
  const item = reader.claimList().getByRole("button");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Orphaned");
  await expect(item).toContainText(`“${QUOTE}”`);

  await page.reload();
  await expect(reader.marks()).toHaveCount(0);
  await expect(item).toContainText("Orphaned");
  await item.click();
  const details = page.getByTestId("claim-details");
  await expect(details).toContainText("This claim's quote is no longer in the paragraph; edit the text back or delete the claim.");
  await expect(details.locator("blockquote")).toHaveText(QUOTE);
});

test("a paragraph with a line break is refused in the dialog and nothing changes", async ({ page, owner }) => {
  await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const reader = new ReaderPage(page);

  // Keyboard only: from the article text, Tab reaches the control, which is hidden until hover or focus.
  await reader.ready();
  await page.getByTestId("article-text").focus();
  await page.keyboard.press("Tab");
  const control = page.getByRole("button", { name: "Correct paragraph 1", exact: true });
  await expect(control).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Correct paragraph 1" });
  await dialog.getByLabel("Paragraph text").fill("Dòng một.\nDòng hai.");
  await dialog.getByRole("button", { name: "Save correction" }).click();
  await expect(dialog.getByText(/cannot contain line breaks/)).toBeVisible();
  await expect(dialog.getByLabel("Paragraph text")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(reader.passage(0)).toHaveText(FIRST);
});

// A rewording the context cannot vouch for: the claim is kept and shown at the proposed words,
// but it is not counted until a person confirms it in the correction summary.
test("a reworded claim waits for review, is not counted, and counts again once confirmed", async ({ page, owner }) => {
  const tag = uniq();
  const before = `Mỹ cáo buộc Bình Nhưỡng chuyển đạn pháo (bản ${tag}). Giới chức Nga gọi đây là tin giả, trong khi Bình Nhưỡng im lặng.`;
  const after = `Mỹ cáo buộc Bình Nhưỡng chuyển đạn pháo (bản ${tag}). Giới chức Nga gọi đây là thông tin bịa đặt, trong khi Bình Nhưỡng im lặng.`;
  const quote = "Giới chức Nga gọi đây là tin giả";
  await new ImportPage(page, owner.slug).importAndOpen(`Tin giả ${tag}\n\nĐăng ngày: 14/09/2023\n\n${before}\n\nMinh An (Theo Wire Example)`);
  const reader = new ReaderPage(page);

  await reader.selectWithMouse(0, quote);
  await expect(page.getByTestId("claim-quote")).toHaveText(quote);
  await page.keyboard.press("2");
  await reader.saveClaim();
  const claims = page.getByRole("complementary", { name: "Claims" });
  await claims.getByRole("button", { name: "New proposition from this claim" }).click();
  await claims.getByRole("button", { name: "Create and link" }).click();
  const propositionLink = claims.getByRole("link", { name: quote });
  await expect(propositionLink).toBeVisible();
  const propositionHref = (await propositionLink.getAttribute("href"))!;

  await reader.passage(0).hover();
  await page.getByRole("button", { name: "Correct paragraph 1", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Correct paragraph 1" });
  await dialog.getByLabel("Paragraph text").fill(after);
  await dialog.getByRole("button", { name: "Save correction" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByTestId("correction-summary")).toHaveText("Paragraph 1 corrected: 1 claim needs your review.");
  const change = page.getByTestId("correction-changes").getByRole("listitem");
  await expect(change).toContainText(`Before: ${quote}`);
  await expect(change.getByTestId("correction-after")).toHaveText("Giới chức Nga gọi đây là thông tin bịa đặt");
  await expect(reader.claimList()).toContainText("Needs review");

  // Not counted meanwhile: the proposition has nothing that counts.
  const proposition = await page.context().newPage();
  await proposition.goto(propositionHref);
  await expect(proposition.getByTestId("verdict-badge")).not.toHaveText(/Single origin/);
  await expect(proposition.getByTestId("mention-card")).toContainText("Needs review");

  await change.getByRole("button", { name: /^Confirm/ }).click();
  await expect(change).toContainText("Confirmed");
  await page.reload();
  await expect(reader.claimList()).not.toContainText("Needs review");
  await expect(reader.marks()).toHaveText(["Giới chức Nga gọi đây là thông tin bịa đặt"]);

  await proposition.reload();
  await expect(proposition.getByTestId("verdict-badge")).toHaveText(/Single origin/);
});
