// Every main page and open state passes axe's WCAG 2.1 A/AA rules with no serious or critical
// violation. One walk through the pages keeps it fast; the violations of all pages are reported together.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { colleague, expect, test } from "./fixtures";
import { ClaimPanel } from "./pages/claim-panel";
import { HistoryDisclosure } from "./pages/discussion";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const tag = () => Math.random().toString(36).slice(2, 7);
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// Landmark and table-header rules are best practice, not WCAG: run them too, so they are reported.
const BEST_PRACTICE = ["landmark-one-main", "region", "landmark-unique", "landmark-no-duplicate-main", "empty-table-header", "page-has-heading-one"];

type Found = { state: string; id: string; impact: string; help: string; targets: string[] };

/** Collects axe's findings per page state; `assertClean` fails on serious or critical ones and on landmark ones. */
class Audit {
  readonly found: Found[] = [];

  async check(page: Page, state: string) {
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const practice = await new AxeBuilder({ page }).withRules(BEST_PRACTICE).analyze();
    violations.push(...practice.violations);
    for (const v of violations) {
      this.found.push({ state, id: v.id, impact: v.impact ?? "unknown", help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) });
    }
  }

  report(keep: (f: Found) => boolean): string {
    return this.found
      .filter(keep)
      .map((f) => `[${f.impact}] ${f.state}: ${f.id} — ${f.help}\n    ${f.targets.join("\n    ")}`)
      .join("\n");
  }

  assertClean() {
    const severe = (f: Found) => f.impact === "serious" || f.impact === "critical";
    const rest = this.report((f) => !severe(f) && !BEST_PRACTICE.includes(f.id));
    if (rest) console.log(`Other moderate and minor findings:\n${rest}`);
    expect(this.report(severe), "serious or critical axe violations").toBe("");
    expect(
      this.report((f) => BEST_PRACTICE.includes(f.id)),
      "landmark and table-header findings",
    ).toBe("");
  }
}

test("every page and open state has no serious or critical axe violation", async ({ page, owner, browser }, info) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const audit = new Audit();
  const t = tag();
  const ws = `/w/${owner.slug}`;
  const reader = new ReaderPage(page);
  const panel = new ClaimPanel(page);

  // Import, then the reader with nothing selected.
  const importer = new ImportPage(page, owner.slug);
  await importer.open();
  await audit.check(page, "import page");
  await importer.paste(`Tin truy cập ${t}\n\nBình Nhưỡng đã chuyển đạn pháo cho Nga, theo hãng tin ${t}.\n\nĐiện Kremlin bác bỏ thông tin này.`);
  await expect(importer.card()).toBeVisible();
  await audit.check(page, "import page with a detected card");
  const href = await importer.importCard();
  await page.goto(href);
  await expect(reader.passage(0)).toBeVisible();
  await audit.check(page, "reader");

  // A selection and the claim form: the selection stays highlighted, Save is on screen.
  const quote = "chuyển đạn pháo cho Nga";
  await reader.selectWithMouse(0, quote);
  await page.keyboard.press("1");
  await expect(panel.form()).toBeVisible();
  // Focus is in Speakers, so the browser's selection is gone; the words stay painted as pending.
  await expect(panel.speakers()).toBeFocused();
  await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get("pending-claim") ?? [])].map((r) => r.toString()))).toEqual([quote]);
  await expect(panel.save()).toBeInViewport();
  await audit.check(page, "reader with the claim form open");

  // The speaker list opens under its box and leaves the next field reachable.
  await panel.speakers().fill(`Kremlin ${t}`);
  const list = panel.listbox();
  await expect(list).toBeVisible();
  await audit.check(page, "reader with the speaker list open");
  const listBox = (await list.boundingBox())!;
  const next = panel.form().getByLabel("Modality");
  const nextBox = (await next.boundingBox())!;
  expect(nextBox.y, "the field after Speakers starts below the open list").toBeGreaterThanOrEqual(listBox.y + listBox.height);
  // Nothing covers it: a trial click finds the select itself at its centre.
  await next.click({ trial: true, timeout: 2000 });
  await panel.page.getByRole("option", { name: `Create “Kremlin ${t}” (organization)` }).click();
  await expect(panel.chip(`Kremlin ${t}`)).toBeVisible();
  await reader.saveClaim();

  // The selected claim: details, comments and history.
  await expect(panel.details()).toBeVisible();
  const props = page.getByTestId("claim-propositions");
  const statement = `Shells to Russia ${t}`;
  await props.getByRole("button", { name: "New proposition from this claim" }).click();
  await props.getByLabel(/Statement/).fill(statement);
  await props.getByRole("button", { name: "Create and link" }).click();
  await expect(props.getByRole("link", { name: statement })).toBeVisible();
  await page.getByTestId("comment-threads").getByLabel("New comment").fill(`Nguồn? ${t}`);
  await page.getByTestId("comment-threads").getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("comment-thread")).toHaveCount(1);
  const history = new HistoryDisclosure(page);
  await history.open();
  await expect(history.entries().first()).toBeVisible();
  await audit.check(page, "reader with a claim selected (details, comments, history)");

  // The proposition page, then the matrix and one cell's quotes.
  await props.getByRole("link", { name: statement }).click();
  await expect(page.getByTestId("proposition-statement")).toHaveText(statement);
  await audit.check(page, "proposition page");
  await page.goto(`${ws}/propositions`);
  const row = page.getByTestId("matrix-row").filter({ hasText: statement });
  await expect(row).toHaveCount(1);
  await audit.check(page, "comparison matrix");
  await row.getByRole("button", { name: /supports, 1 quote/ }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await audit.check(page, "comparison matrix with a cell popover");
  await page.keyboard.press("Escape");

  // Workspace pages.
  await page.goto(ws);
  await expect(page.getByRole("link", { name: new RegExp(`Tin truy cập ${t}`) }).first()).toBeVisible();
  await audit.check(page, "workspace home (article list)");
  await page.locator("body").press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await audit.check(page, "keyboard shortcuts dialog");
  await page.keyboard.press("Escape");
  for (const [path, heading, state] of [
    [`${ws}/search?q=${encodeURIComponent(`đạn pháo ${t}`)}`, null, "search results"],
    [`${ws}/entities`, null, "entities"],
    [`${ws}/review`, "Review queue", "review queue"],
    [`${ws}/inbox`, null, "inbox"],
    [`${ws}/settings`, null, "settings"],
    [`${ws}/sessions`, null, "sessions list"],
  ] as const) {
    await page.goto(path);
    if (heading) await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    else await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await audit.check(page, state);
  }

  // A session (open, not blind, so it can be curated at once): the form, its page and its curation page.
  const lan = await colleague(page, browser, owner, `lan${t}`, "EDITOR", info.workerIndex);
  await page.goto(`${ws}/sessions/new`);
  const form = page.getByTestId("session-form");
  await expect(form).toBeVisible();
  await audit.check(page, "new session");
  await form.getByLabel("Name").fill(`Vòng ${t}`);
  await form.getByRole("checkbox", { name: new RegExp(`Tin truy cập ${t}`) }).check();
  for (const name of [owner.name, lan.account.name]) {
    await form
      .getByTestId("annotator-choices")
      .getByRole("checkbox", { name: new RegExp(name) })
      .check();
  }
  await form.getByRole("button", { name: "Create session" }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("assignment-cell").first()).toBeVisible();
  await audit.check(page, "session page");
  await page.getByTestId("curate-link").first().click();
  await expect(page.getByTestId("units-decided")).toBeVisible();
  await audit.check(page, "curation page");
  await lan.context.close();

  // Signed out: login and sign-up.
  // axe needs a page of its own context, not one opened with browser.newPage().
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto("/login");
  await expect(guest.getByRole("button", { name: "Sign in" })).toBeVisible();
  await audit.check(guest, "login");
  await guest.goto("/signup");
  await expect(guest.getByRole("button", { name: "Create account" })).toBeVisible();
  await audit.check(guest, "sign-up");
  await guestContext.close();

  audit.assertClean();
});
