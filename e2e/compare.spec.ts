import { expect, openDemoComparison, test } from "./fixtures";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const tag = () => Math.random().toString(36).slice(2, 7);

test("claims from three outlets become one proposition: two relays of one wire against a denial", async ({ page, owner }) => {
  const t = tag();
  const importer = new ImportPage(page, owner.slug);
  const reader = new ReaderPage(page);
  const statement = `North Korea ships shells to Russia ${t}`;

  // Outlet A relays the wire; its claim starts a new proposition.
  await page.goto(await importer.importWith(`Tin A ${t}\n\nBình Nhưỡng đã chuyển đạn pháo cho Nga, theo hãng tin ${t}.`, `Outlet A ${t}`, `Wire ${t}`));
  await reader.selectWithMouse(0, "chuyển đạn pháo cho Nga");
  await page.keyboard.press("1");
  await reader.saveClaim();
  const panel = page.getByTestId("claim-propositions");
  await panel.getByRole("button", { name: "New proposition from this claim" }).click();
  await panel.getByLabel(/Statement/).fill(statement);
  await panel.getByRole("button", { name: "Create and link" }).click();
  await expect(panel.getByRole("link", { name: statement })).toBeVisible();

  // Outlet B relays the same wire; the proposition is suggested and linked in one click.
  await page.goto(await importer.importWith(`Tin B ${t}\n\nTriều Tiên đã chuyển đạn pháo cho Nga trong tháng này ${t}.`, `Outlet B ${t}`, `Wire ${t}`));
  await reader.selectWithMouse(0, "chuyển đạn pháo cho Nga");
  await page.keyboard.press("1");
  await reader.saveClaim();
  const suggested = page.getByTestId("proposition-suggestions");
  await expect(suggested).toContainText(statement);
  await suggested.getByRole("button", { name: `Link as supports: ${statement}` }).click();
  await expect(panel.getByRole("link", { name: statement })).toBeVisible();

  // Outlet C, no wire: a denial, linked through search as refuting.
  await page.goto(await importer.importWith(`Tin C ${t}\n\nĐiện Kremlin bác bỏ việc nhận đạn pháo ${t}.`, `Outlet C ${t}`, ""));
  await reader.selectWithMouse(0, "bác bỏ việc nhận đạn pháo");
  await page.keyboard.press("2");
  await reader.saveClaim();
  await panel.getByRole("button", { name: "Link to existing…" }).click();
  await panel.getByLabel("Refutes").check();
  await panel.getByLabel("Find a proposition").fill(`ships shells ${t}`);
  await panel.getByRole("button", { name: statement }).click();
  await expect(panel.getByRole("combobox", { name: `Stance towards “${statement}”` })).toHaveValue("REFUTES");

  // The proposition page explains the verdict in words, counting the wire once.
  await panel.getByRole("link", { name: statement }).click();
  await expect(page.getByTestId("proposition-statement")).toHaveText(statement);
  await expect(page.getByTestId("verdict-badge")).toHaveText(/Conflict/);
  await expect(page.getByTestId("verdict-sentence")).toHaveText(`Conflict: 1 independent origin supports it (Wire ${t}) and 1 refutes it (Outlet C ${t}).`);
  await expect(page.getByTestId("mention-card")).toHaveCount(3);

  // The matrix by independent origin has one column for the wire, holding both relays' quotes.
  await page.goto(`/w/${owner.slug}/propositions?columns=origins`);
  const row = page.getByTestId("matrix-row").filter({ hasText: statement });
  await expect(row.getByTestId("verdict-badge")).toHaveText(/Conflict/);
  const wireCell = row.getByRole("button", { name: /supports, 2 quotes/ });
  await wireCell.click();
  await expect(wireCell).toHaveAttribute("aria-expanded", "true");
  const quotes = page.getByRole("dialog", { name: `Quotes from Wire ${t}` });
  await expect(quotes.getByRole("listitem")).toHaveCount(2);
  await expect(quotes).toContainText("chuyển đạn pháo cho Nga");
  // One popover for the table: another cell's click moves it there; Escape gives focus back to the cell.
  const outletCell = row.getByRole("button", { name: /refutes, 1 quote/ });
  await outletCell.click();
  await expect(page.getByRole("dialog")).toHaveCount(1);
  await expect(page.getByRole("dialog", { name: `Quotes from Outlet C ${t}` }).getByRole("listitem")).toHaveCount(1);
  await expect(wireCell).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(outletCell).toBeFocused();
  // By keyboard: Enter opens the focused cell's quotes.
  await wireCell.focus();
  await page.keyboard.press("Enter");
  await expect(quotes.getByRole("listitem")).toHaveCount(2);
  await page.keyboard.press("Escape");
  // Filtering by verdict keeps it; another verdict hides it.
  await page.getByLabel("Verdict").selectOption("conflict");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("matrix-row").filter({ hasText: statement })).toHaveCount(1);
  await page.getByLabel("Verdict").selectOption("agree");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("matrix-row").filter({ hasText: statement })).toHaveCount(0);
});

test("the demo comparison opens on its most contested proposition", async ({ page }) => {
  await openDemoComparison(page);
  const first = page.getByTestId("matrix-row").first();
  await expect(first.getByTestId("verdict-badge")).toHaveText(/Conflict/);
  await expect(first).toContainText(/independent origins? supports? it/);
  // Viewers read the comparison but get no editing controls on the proposition page.
  await first.getByRole("link").first().click();
  await expect(page.getByTestId("verdict-sentence")).toContainText("Conflict");
  await expect(page.getByRole("button", { name: "Merge into…" })).toHaveCount(0);
});

test("an inverted date range on the comparison page says so instead of silently showing nothing", async ({ page, owner }) => {
  await page.goto(`/w/${owner.slug}/propositions?from=2024-05-01&to=2024-01-31`);
  const note = page.getByRole("status").filter({ hasText: "The date range is inverted" });
  await expect(note).toContainText("“from” (2024-05-01) is after “to” (2024-01-31)");
});
