import { signUp, test, expect } from "./fixtures";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

function articleText(tag: string) {
  return `Hội nghị thượng đỉnh ${tag} kết thúc

Đăng ngày: 14/09/2023

Ông Kim 🚀 đã thăm nhà máy chế tạo chiến đấu cơ ở Komsomolsk, theo hãng tin Ví Dụ.

Nhà Trắng cáo buộc Bình Nhưỡng cung cấp đạn pháo cho Nga, nhưng Moskva bác bỏ.

<script>alert("x")</script> là văn bản, không phải mã (bản ${tag}).

Minh An (Theo Wire Example)`;
}

test("sign up → import → mark a claim with the mouse → reload keeps the highlight", async ({ page, owner }) => {
  const tag = uniq();
  const importer = new ImportPage(page, owner.slug);
  await importer.open();
  await importer.paste(articleText(tag));
  const card = importer.card();
  await expect(card.getByLabel("Title")).toHaveValue(`Hội nghị thượng đỉnh ${tag} kết thúc`);
  await expect(card.getByLabel("Published")).toHaveValue("2023-09-14");
  await expect(card.getByLabel(/Origins/)).toHaveValue("Wire Example");
  await expect(card.getByLabel("Byline")).toHaveValue("Minh An");
  const href = await importer.importCard();

  await page.goto(href);
  const reader = new ReaderPage(page);
  await expect(page.getByTestId("article-title")).toHaveText(`Hội nghị thượng đỉnh ${tag} kết thúc`);
  // HTML in article text is shown as text, never executed or parsed.
  await expect(reader.passage(2)).toContainText('<script>alert("x")</script>');
  await expect(page.locator("article script")).toHaveCount(0);

  const quote = "cung cấp đạn pháo cho Nga";
  await reader.selectWithMouse(1, quote);
  await expect(page.getByTestId("claim-quote")).toHaveText(quote);
  await page.keyboard.press("1");
  await expect(reader.claimForm().getByRole("radio", { name: /Arms transfer/ })).toBeChecked();
  const speaker = reader.claimForm().getByRole("combobox", { name: "Speaker" });
  await speaker.fill("Nha Trang");
  await page.getByRole("option", { name: /Create “Nha Trang”.*organization/ }).click();
  await reader.claimForm().getByLabel("Modality").selectOption("ALLEGED");
  await reader.claimForm().getByLabel("Item").fill("đạn pháo");
  await reader.saveClaim();

  await expect(reader.marks()).toHaveCount(1);
  await expect(reader.marks().first()).toHaveText(quote);
  await page.reload();
  await expect(reader.marks()).toHaveCount(1);
  await expect(reader.marks().first()).toHaveText(quote);
  await expect(reader.claimList()).toContainText("Arms transfer");
  await expect(reader.claimList()).toContainText("Nha Trang");
  await reader.claimList().getByRole("button").first().click();
  await expect(page.getByTestId("claim-details")).toContainText("đạn pháo");
});

test("keyboard selection after an emoji stores code-point offsets that survive reload", async ({ page, owner }) => {
  await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const reader = new ReaderPage(page);

  // Put the caret at the very start of paragraph 1 ("Ông Kim 🚀 đã thăm…") and select with Shift+arrows.
  await reader.ready();
  await reader.passage(0).click({ position: { x: 2, y: 8 } });
  await page.keyboard.press("Home");
  for (let i = 0; i < "Ông Kim 🚀 đã thăm".length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByTestId("claim-quote")).toHaveText("Ông Kim 🚀 đã thăm");
  await page.keyboard.press("4");
  await expect(reader.claimForm().getByRole("radio", { name: /Visit/ })).toBeChecked();
  await reader.saveClaim();
  await page.reload();
  await expect(reader.marks()).toHaveText(["Ông Kim 🚀 đã thăm"]);
});

test("nested claims stay visible and clickable; delete can be undone", async ({ page, owner }) => {
  await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const reader = new ReaderPage(page);

  await reader.selectWithMouse(1, "Nhà Trắng cáo buộc Bình Nhưỡng cung cấp đạn pháo cho Nga");
  await page.keyboard.press("9");
  await reader.saveClaim();
  await reader.selectWithMouse(1, "đạn pháo");
  await page.keyboard.press("1");
  await reader.saveClaim();

  await expect(page.locator("mark[data-depth='2']")).toHaveText("đạn pháo");
  await expect(reader.claimList().getByRole("button")).toHaveCount(2);
  // The outer claim is still reachable by clicking its own text.
  await page.locator("mark[data-depth='1']").first().click();
  await expect(page.getByTestId("claim-details")).toContainText("Statement");
  await page.locator("mark[data-depth='2']").click();
  await expect(page.getByTestId("claim-details")).toContainText("Arms transfer");

  await page
    .getByTestId("claim-details")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expect(reader.claimList().getByRole("button")).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(reader.claimList().getByRole("button")).toHaveCount(2);
  await page.reload();
  await expect(reader.claimList().getByRole("button")).toHaveCount(2);
});

test("a selection across paragraphs is refused with a reason", async ({ page, owner }) => {
  await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const reader = new ReaderPage(page);
  const a = await reader.passage(0).boundingBox();
  const b = await reader.passage(1).boundingBox();
  await page.mouse.move(a!.x + 40, a!.y + 8);
  await page.mouse.down();
  await page.mouse.move(b!.x + 60, b!.y + 8, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByRole("alert").filter({ hasText: "A claim must stay within one paragraph" })).toBeVisible();
  await expect(reader.claimForm()).toHaveCount(0);
});

test("two editors saving the same claim: the second is told, nothing is overwritten", async ({ page, owner, browser }) => {
  const href = await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const reader = new ReaderPage(page);
  await reader.selectWithMouse(1, "Moskva bác bỏ");
  await page.keyboard.press("2");
  await reader.saveClaim();

  const other = await browser.newContext({ storageState: owner.storageState });
  const page2 = await other.newPage();
  await page2.goto(href);
  const reader2 = new ReaderPage(page2);

  for (const [p, r] of [
    [page, reader],
    [page2, reader2],
  ] as const) {
    await r.claimList().getByRole("button").first().click();
    await p.getByTestId("claim-details").getByRole("button", { name: /^Edit/ }).click();
  }
  await reader.claimForm().getByLabel("Note").fill("first editor");
  await reader.saveClaim();
  await reader2.claimForm().getByLabel("Note").fill("second editor");
  await reader2.claimForm().getByRole("button", { name: /^Save/ }).click();
  await expect(reader2.claimForm().getByRole("alert")).toContainText("Someone else changed this claim");
  await page2.reload();
  await reader2.claimList().getByRole("button").first().click();
  await expect(page2.getByTestId("claim-details")).toContainText("first editor");
  await other.close();
});

test("a viewer can read claims but cannot mark or change them", async ({ page, owner, browser }, info) => {
  const href = await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  const reader = new ReaderPage(page);
  await reader.selectWithMouse(1, "đạn pháo");
  await page.keyboard.press("1");
  await reader.saveClaim();

  const viewer = await signUp(browser, "viewer", info.workerIndex);
  await page.goto(`/w/${owner.slug}/settings`);
  await page.getByLabel("Email of an existing account").fill(viewer.email);
  await page.getByLabel("Role").selectOption("VIEWER");
  await page.getByRole("button", { name: "Add or change role" }).click();
  await expect(page.getByText(/is now viewer/)).toBeVisible();

  const ctx = await browser.newContext({ storageState: viewer.storageState });
  const vpage = await ctx.newPage();
  await vpage.goto(href);
  const vreader = new ReaderPage(vpage);
  await expect(vpage.getByTestId("current-role")).toHaveText("viewer");
  await expect(vpage.getByText("You have view-only access")).toBeVisible();
  await expect(vreader.marks()).toHaveText(["đạn pháo"]);
  await vreader.selectWithMouse(1, "Moskva bác bỏ");
  await vpage.keyboard.press("2");
  await expect(vreader.claimForm()).toHaveCount(0);
  await vreader.claimList().getByRole("button").first().click();
  await expect(vpage.getByTestId("claim-details")).toBeVisible();
  await expect(vpage.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(vpage.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(vpage.getByRole("button", { name: "Delete…" })).toHaveCount(0);
  await vpage.goto(`/w/${owner.slug}/import`);
  await expect(vpage.getByRole("heading", { name: "Not found" })).toBeVisible();
  await ctx.close();
});
