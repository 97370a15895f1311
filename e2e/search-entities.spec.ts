import { test, expect } from "./fixtures";
import { ImportPage } from "./pages/import-page";

const tag = () => Math.random().toString(36).slice(2, 7);

test("search ignores accents and case and highlights the match", async ({ page, owner }) => {
  const t = tag();
  const importer = new ImportPage(page, owner.slug);
  await importer.open();
  await importer.paste(`Chuyến thăm ${t}\n\nÔng Kim đã thăm nhà máy chế tạo chiến đấu cơ ở Komsomolsk ${t}.\n\nBình Nhưỡng phủ nhận mọi cáo buộc.`);
  await importer.importCard();

  await page.goto(`/w/${owner.slug}`);
  // "?" lists the keyboard shortcuts.
  await page.locator("body").press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Mark the selection as a claim");
  await page.keyboard.press("Escape");
  // "/" jumps to the header search box.
  await page.locator("body").press("/");
  await expect(page.getByRole("searchbox", { name: "Search this workspace" })).toBeFocused();
  await page.keyboard.type(`NHA MAY che tao ${t}`);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=/);
  // Each query word is marked in the original spelling, accents and all.
  const result = page
    .getByRole("listitem")
    .filter({ hasText: `Komsomolsk ${t}` })
    .first();
  await expect(result.locator("mark").filter({ hasText: /^nhà$/ })).toHaveCount(1);
  await expect(result.locator("mark").filter({ hasText: /^máy$/ })).toHaveCount(1);
  await page.goto(`/w/${owner.slug}/search?q=${encodeURIComponent("binh nhuong")}`);
  await expect(
    page
      .locator("mark")
      .filter({ hasText: /^Bình Nhưỡng$/ })
      .first(),
  ).toBeVisible();
  await page.goto(`/w/${owner.slug}/search?q=x`);
  await expect(page.getByText(/at least 2 characters/i).first()).toBeVisible();
});

test("entities: aliases in any language resolve to one entity, and merging loses nothing", async ({ page, owner }) => {
  const t = tag();
  await page.goto(`/w/${owner.slug}/entities`);
  const create = page.getByRole("form", { name: "New entity" });
  await create.getByLabel("New entity name").fill(`North Korea ${t}`);
  await create.getByLabel("Kind").selectOption("COUNTRY");
  await create.getByRole("button", { name: /Add entity/ }).click();
  const card = page.getByTestId("entity-card").filter({ hasText: `North Korea ${t}` });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: `Add an alias to North Korea ${t}` }).click();
  const aliasForm = page.getByRole("form", { name: `Add an alias to North Korea ${t}` });
  for (const alias of [`Bắc Hàn ${t}`, `Triều Tiên ${t}`]) {
    await aliasForm.getByLabel("New alias").fill(alias);
    await aliasForm.getByRole("button", { name: "Add alias" }).click();
    await expect(card).toContainText(alias);
  }
  await aliasForm.getByRole("button", { name: "Done" }).click();

  // A second entry for the same country, then merged into the first.
  await create.getByLabel("New entity name").fill(`Bắc Triều Tiên ${t}`);
  await create.getByLabel("Kind").selectOption("COUNTRY");
  await create.getByRole("button", { name: /Add entity/ }).click();
  const dup = page
    .getByTestId("entity-card")
    .filter({ hasText: `Bắc Triều Tiên ${t}` })
    .first();
  await dup.getByRole("button", { name: "Merge…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox").fill(`north korea ${t}`);
  await page.getByRole("option", { name: new RegExp(`North Korea ${t}`) }).click();
  await expect(dialog.getByTestId("merge-summary")).toContainText(`Bắc Triều Tiên ${t}`);
  await dialog.getByRole("button", { name: `Merge into “North Korea ${t}”` }).click();
  await expect(dialog).toHaveCount(0);

  // Every name finds the one entity, ignoring case and accents.
  for (const q of [`bac han ${t}`, `TRIEU TIEN ${t}`, `bac trieu tien ${t}`]) {
    await page.goto(`/w/${owner.slug}/entities?q=${encodeURIComponent(q)}`);
    await expect(page.getByTestId("entity-card")).toHaveCount(1);
    await expect(page.getByTestId("entity-card")).toContainText(`North Korea ${t}`);
  }
});
