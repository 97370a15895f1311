// A team annotation session end to end: two annotators mark the same article blind, the owner
// reveals it, reads the agreement, adjudicates the unit and closes the session.
import { colleague, expect, test } from "./fixtures";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const tag = () => Math.random().toString(36).slice(2, 7);

test("two annotators annotate blind; the owner reveals, sees the agreement, adjudicates and closes the session", async ({ page, owner, browser }, info) => {
  const t = tag();
  const title = `Phiên mù ${t}`;
  const href = await new ImportPage(page, owner.slug).importAndOpen(
    `${title}\n\nBình Nhưỡng đã chuyển đạn pháo cho Nga ${t}.\n\nMoskva bác bỏ thông tin này ${t}.`,
  );
  // Names of their own: the worker's workspace already has colleagues from other specs.
  const lan = await colleague(page, browser, owner, `lan${t}`, "EDITOR", info.workerIndex);
  const minh = await colleague(page, browser, owner, `minh${t}`, "EDITOR", info.workerIndex);

  // The owner sets up a blind session in the form: one article, both annotators, all to all.
  await page.goto(`/w/${owner.slug}/sessions/new`);
  const form = page.getByTestId("session-form");
  await form.getByLabel("Name").fill(`Vòng mù ${t}`);
  await form.getByRole("radio", { name: /^Blind/ }).check();
  await form.getByRole("checkbox", { name: new RegExp(title) }).check();
  await form
    .getByTestId("annotator-choices")
    .getByRole("checkbox", { name: new RegExp(lan.account.name) })
    .check();
  await form
    .getByTestId("annotator-choices")
    .getByRole("checkbox", { name: new RegExp(minh.account.name) })
    .check();
  await form.getByRole("button", { name: "Create session" }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionUrl = page.url();
  await expect(page.getByTestId("session-state")).toHaveAttribute("data-state", "blind");
  await expect(page.getByTestId("assignment-cell")).toHaveCount(2);

  // Each annotator marks the sentence in the reader, a little differently, and sees only their own claim.
  const quotes = { lan: "chuyển đạn pháo cho Nga", minh: "Bình Nhưỡng đã chuyển đạn pháo" };
  for (const [who, quote] of [
    [lan, quotes.lan],
    [minh, quotes.minh],
  ] as const) {
    await who.page.goto(href);
    await expect(who.page.getByTestId("session-bar")).toContainText(`Vòng mù ${t}`);
    const reader = new ReaderPage(who.page);
    await reader.selectWithMouse(0, quote);
    await who.page.keyboard.press("1");
    await reader.saveClaim();
    await expect(reader.marks()).toHaveText([quote]);
  }
  await lan.page.reload();
  await expect(new ReaderPage(lan.page).marks()).toHaveText([quotes.lan]);
  // Nobody else sees the session's claims either, the owner included.
  await page.goto(href);
  await expect(page.getByTestId("passage-0")).toBeVisible();
  await expect(new ReaderPage(page).marks()).toHaveCount(0);

  // Progress shows on the session page; the owner reveals.
  await page.goto(sessionUrl);
  await expect(page.locator('[data-testid="assignment-cell"][data-status="IN_PROGRESS"]')).toHaveCount(2);
  await page.getByTestId("reveal-button").click();
  await page.getByRole("dialog").getByRole("button", { name: "Reveal" }).click();
  await expect(page.getByTestId("session-state")).toHaveAttribute("data-state", "revealed");

  // The agreement: one pair, whose spans overlap without matching exactly.
  const pair = page.getByTestId("agreement-pair");
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText(lan.account.name);
  await expect(pair).toContainText(minh.account.name);
  await expect(page.getByTestId("agreement-csv")).toHaveAttribute("href", /\/agreement\?format=csv$/);
  const csv = await page.request.get((await page.getByTestId("agreement-csv").getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("f1_overlap");

  // Adjudication: the two claims form one unit; accept Lan's.
  await page.getByTestId("curate-link").first().click();
  const unit = page.getByTestId("curation-unit");
  await expect(unit).toHaveCount(1);
  await expect(unit.getByTestId("claim-column")).toHaveCount(2);
  await unit.getByRole("button", { name: new RegExp(`Accept ${lan.account.name}`) }).click();
  await expect(unit.getByTestId("reconciled-claim")).toContainText(quotes.lan);
  await expect(page.getByTestId("units-decided")).toContainText("1 of 1");

  // Close: the reconciled claim now counts; the session no longer changes.
  await page.goto(sessionUrl);
  await page.getByTestId("close-button").click();
  await page.getByRole("dialog").getByRole("button", { name: "Close session" }).click();
  await expect(page.getByTestId("session-state")).toHaveAttribute("data-state", "closed");

  // Revealed: everyone reads both annotators' claims and the reconciled one.
  await lan.page.reload();
  await expect(new ReaderPage(lan.page).claimList().getByRole("button")).toHaveCount(3);
  await lan.context.close();
  await minh.context.close();
});
