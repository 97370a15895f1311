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

type Rgb = [number, number, number];

/** sRGB channels (0..255) to linear light (0..1). */
const linear = (c: Rgb) => c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)) as Rgb;
/** WCAG relative luminance. */
const luminance = (c: Rgb) => {
  const [r, g, b] = linear(c);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: Rgb, b: Rgb) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
const oklab = (c: Rgb): Rgb => {
  const [r, g, b] = linear(c);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
};
/** Distance in OKLab, where about 0.02 is a just-noticeable difference. */
const oklabDistance = (a: Rgb, b: Rgb) => {
  const [x, y] = [oklab(a), oklab(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
};

/**
 * The colour each element of `selector` paints with `property`, and the opaque background behind it, as
 * sRGB: a one-pixel canvas resolves whatever the stylesheet computed (oklch, relative colours).
 */
async function paintedColours(page: Page, selector: string, property: "backgroundColor" | "borderBottomColor") {
  return page.evaluate(
    ([selector, property]) => {
      const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
      const rgb = (css: string) => {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3) as [number, number, number];
      };
      const ground = (el: Element | null) => {
        for (; el; el = el.parentElement) {
          const c = getComputedStyle(el).backgroundColor;
          if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(c)) return c;
        }
        return getComputedStyle(document.body).backgroundColor;
      };
      return [...document.querySelectorAll(selector)].map((el) => ({
        label: (el.closest("label,mark")?.textContent ?? "").trim(),
        onInvertedChip: Boolean(el.closest("label")?.querySelector("input:checked")),
        ink: rgb(getComputedStyle(el)[property as "backgroundColor"]),
        ground: rgb(ground(el.parentElement)),
      }));
    },
    [selector, property] as const,
  );
}

/** Claim-type colours as drawn: 3:1 against what they sit on (WCAG 1.4.11), and apart from one another. */
function expectClaimInksReadable(inks: { label: string; ink: Rgb; ground: Rgb; onInvertedChip: boolean }[], where: string) {
  // The chosen type's chip is inverted (dark in the light theme): its dot is beside a label, so only apartness counts there.
  for (const { label, ink, ground } of inks.filter((i) => !i.onInvertedChip)) {
    expect(contrast(ink, ground), `${where}: “${label}” rgb(${ink}) on rgb(${ground})`).toBeGreaterThanOrEqual(3);
  }
  // The nine default colours are at least 0.11 apart as chosen; the per-theme bands keep them past 0.075.
  for (const [i, a] of inks.entries()) {
    for (const b of inks.slice(i + 1)) {
      expect(oklabDistance(a.ink, b.ink), `${where}: “${a.label}” and “${b.label}” look alike`).toBeGreaterThanOrEqual(0.075);
    }
  }
}

// Both themes: dark follows prefers-color-scheme (the theme script in app/layout.tsx), so emulating it is enough.
for (const colorScheme of ["light", "dark"] as const) {
  test(`every page and open state has no serious or critical axe violation (${colorScheme} theme)`, async ({ page, owner, browser }, info) => {
    // The walk visits some twenty states; on a loaded two-core machine it can take three minutes.
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/w/${owner.slug}`);
    await expect(page.locator("html"), "the theme follows the system setting").toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
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
    // Every claim type's dot in the form: the workspace's nine default types.
    const dots = await paintedColours(page, "[role=radiogroup] .claim-ink", "backgroundColor");
    expect(dots.length).toBe(9);
    expectClaimInksReadable(dots, "claim-type dots");

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
    // The mark is painted on the render after the form closes: wait for it before reading its colour.
    await expect(page.locator("mark.claim-mark")).toHaveCount(1);
    const marks = await paintedColours(page, "mark.claim-mark", "borderBottomColor");
    expect(marks.length).toBe(1);
    expectClaimInksReadable(marks, "the claim's underline");

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
    // The cell's quotes are read when it opens.
    await expect(page.getByRole("dialog").getByRole("listitem")).toHaveCount(1);
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
    const guestContext = await browser.newContext({ colorScheme });
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
}

test("the theme toggle overrides the system setting, is remembered, and applies before first paint", async ({ page, owner }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1366, height: 850 });
  await page.goto(`/w/${owner.slug}`);
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/\bdark\b/);
  // The inline header holds it behind an icon button.
  const pick = async (name: string) => {
    await page.getByRole("button", { name: "Theme" }).click();
    await page.getByRole("menuitemradio", { name }).click();
  };
  await pick("Dark");
  await expect(html).toHaveClass(/\bdark\b/);
  // On reload the class is there in the first paint: checked at DOMContentLoaded, before React hydrates.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { darkAtLoad: boolean }).darkAtLoad = document.documentElement.classList.contains("dark");
    });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { darkAtLoad: boolean }).darkAtLoad)).toBe(true);
  await page.getByRole("button", { name: "Theme" }).click();
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
  // The Menu sheet of a narrow window holds the same choice as a select.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  const select = page.getByRole("dialog", { name: "Menu", exact: true }).getByRole("combobox", { name: "Theme" });
  await expect(select).toHaveValue("dark");
  // "System" follows the setting again, live.
  await select.selectOption("system");
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).toHaveClass(/\bdark\b/);
});

test("disabled controls look disabled: faded, with a not-allowed cursor", async ({ page, owner }) => {
  const text = `Bản tin ${tag()}\n\nMột đoạn văn chỉ có ở đây ${tag()}.`;
  const importer = new ImportPage(page, owner.slug);
  await importer.importAndOpen(text);
  // The same text again: its card is locked as a duplicate, so its fields are disabled.
  await importer.open();
  await importer.paste(text);
  const title = importer.card().getByLabel("Title");
  await expect(title).toBeDisabled();
  const look = await title.evaluate((el) => ({ opacity: Number(getComputedStyle(el).opacity), cursor: getComputedStyle(el).cursor }));
  expect(look.opacity).toBeLessThan(1);
  expect(look.cursor).toBe("not-allowed");
});
