import type { Page } from "@playwright/test";
import { expect, openDemoComparison, test } from "./fixtures";
import { ClaimPanel } from "./pages/claim-panel";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

// A long unbroken word and URL: they must wrap, not widen the page. The tag is in the body too: the same
// worker's owner imports it at both sizes, and a body already in the workspace is not stored twice.
const articleText = (tag: string) => `Báo cáo ${tag} về chuỗi cung ứng đạn pháo

Đăng ngày: 14/09/2023

Nguồn: https://example.com/a/very/long/path/that/does/not/break/anywhere/${"segment".repeat(12)}-${tag}

Bình Nhưỡng bị cáo buộc cung cấp đạn pháo cho Nga, nhưng Moskva bác bỏ ${tag} ${"khôngcókhoảngtrắng".repeat(6)}.

Minh An (Theo Wire Example)`;

const SMALL = [
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
];

/**
 * Fails when the page scrolls sideways, naming the elements that stick out: those whose right edge
 * passes the viewport while their parent's does not (where the overflow starts), outside any
 * container that scrolls or clips on its own.
 */
async function expectNoSideScroll(page: Page, where: string) {
  const result = await page.evaluate(() => {
    const viewport = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= viewport) return { scrollWidth, viewport, offenders: [] as string[] };
    // A box that scrolls or clips on its own keeps its content off the page; fixed boxes never widen it.
    const contains = (el: Element) => {
      const style = getComputedStyle(el);
      return ["auto", "scroll", "hidden", "clip"].includes(style.overflowX) || style.position === "fixed";
    };
    const labelOf = (el: Element) => {
      const testId = el.getAttribute("data-testid");
      const cls = typeof el.className === "string" ? el.className.trim().split(/\s+/).slice(0, 6).join(".") : "";
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60);
      const box = el.getBoundingClientRect();
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls ? `.${cls}` : ""}${testId ? ` data-testid=${testId}` : ""}> right=${Math.round(box.right)} width=${Math.round(box.width)} “${text}”`;
    };
    const offenders: { right: number; label: string }[] = [];
    let widest: { right: number; el: Element | null } = { right: 0, el: null };
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= viewport + 0.5) continue;
      let inner = getComputedStyle(el).position === "fixed";
      for (let a = el.parentElement; !inner && a && a !== document.body; a = a.parentElement) {
        if (contains(a)) {
          inner = true;
          break;
        }
      }
      if (inner) continue;
      if (box.right > widest.right) widest = { right: box.right, el };
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > viewport + 0.5) continue;
      offenders.push({ right: box.right, label: labelOf(el) });
    }
    offenders.sort((a, b) => b.right - a.right);
    const labels = offenders.slice(0, 5).map((o) => `starts at ${o.label}`);
    if (widest.el) labels.push(`reaches furthest: ${labelOf(widest.el)}`);
    return { scrollWidth, viewport, offenders: labels };
  });
  expect(
    result.scrollWidth,
    `${where} scrolls sideways at ${result.viewport}px; widest: ${result.offenders.join(" | ") || "(none found)"}`,
  ).toBeLessThanOrEqual(result.viewport);
}

for (const size of SMALL) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test("workspace pages fit the width: wide content scrolls inside its own box", async ({ page, owner }) => {
      await page.setViewportSize(size);
      const article = await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
      await expect(page.getByTestId("article-title")).toBeVisible();
      await expectNoSideScroll(page, "the article reader");
      const base = `/w/${owner.slug}`;
      const pages: [string, string, string | RegExp][] = [
        ["the workspace home", base, "Articles"],
        ["the comparison page", `${base}/propositions`, "Comparison"],
        ["the review queue", `${base}/review`, "Review queue"],
        ["the sessions list", `${base}/sessions`, "Annotation sessions"],
        ["the inbox", `${base}/inbox`, "Inbox"],
        ["settings", `${base}/settings`, "Claim types"],
      ];
      for (const [where, path, heading] of pages) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectNoSideScroll(page, where);
      }
      // Back to the reader last too: its claim panel loads after the first paint.
      await page.goto(article);
      await expect(page.getByTestId("article-title")).toBeVisible();
      await expectNoSideScroll(page, "the article reader");
    });

    test("the header collapses into a Menu that holds the navigation", async ({ page, owner }) => {
      await page.setViewportSize(size);
      await page.goto(`/w/${owner.slug}`);
      const menu = page.getByRole("button", { name: "Menu", exact: true });
      await expect(menu).toBeVisible();
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(page.getByRole("navigation", { name: "Workspace" })).toBeHidden();
      await expectNoSideScroll(page, "the workspace home with its collapsed header");

      await menu.click();
      // The open sheet is modal, so everything outside it, the button too, is hidden from the accessibility tree.
      await expect(page.getByRole("button", { name: "Menu", exact: true, includeHidden: true })).toHaveAttribute("aria-expanded", "true");
      const sheet = page.getByRole("dialog", { name: "Menu", exact: true });
      await expect(sheet).toBeVisible();
      const nav = sheet.getByRole("navigation", { name: "Workspace" });
      for (const name of ["Articles", "Compare", "Entities", "Search", "Import", "Sessions", "Settings"]) {
        await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
      }
      await expect(nav.getByRole("link", { name: /^Review/ })).toBeVisible();
      await expect(sheet.getByTestId("inbox-link")).toBeVisible();
      await expect(sheet.getByRole("combobox", { name: "Workspace" })).toBeVisible();
      await expect(sheet.getByRole("searchbox", { name: "Search this workspace" })).toBeVisible();
      await expect(sheet.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

      // Esc closes it and gives focus back to the button.
      await page.keyboard.press("Escape");
      await expect(sheet).toBeHidden();
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(menu).toBeFocused();

      // A link in it navigates, and the sheet closes behind it.
      await menu.click();
      await sheet.getByRole("link", { name: "Sessions", exact: true }).click();
      await page.waitForURL(new RegExp(`/w/${owner.slug}/sessions$`));
      await expect(page.getByRole("heading", { level: 1, name: "Annotation sessions" })).toBeVisible();
      await expect(sheet).toBeHidden();

      // So does its search box.
      await menu.click();
      await sheet.getByRole("searchbox", { name: "Search this workspace" }).fill("đạn pháo");
      await sheet.getByRole("searchbox", { name: "Search this workspace" }).press("Enter");
      await page.waitForURL(/\/search\?q=/);
      await expect(sheet).toBeHidden();
    });
  });
}

test("on a tablet the claim form opens beside the article, not below it", async ({ page, owner }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const tag = uniq();
  await new ImportPage(page, owner.slug).importAndOpen(articleText(tag));
  const reader = new ReaderPage(page);
  const panel = new ClaimPanel(page);
  await reader.selectWithMouse(0, "cung cấp đạn pháo");
  await page.keyboard.press("1");
  await expect(panel.form()).toBeVisible();
  const article = (await page.locator("article").first().boundingBox())!;
  const form = (await panel.form().boundingBox())!;
  expect(form.x, "the form is to the right of the text").toBeGreaterThanOrEqual(article.x + article.width);
  expect(form.y, "the form starts beside the text, not after it").toBeLessThan(article.y + article.height);
  await expect(panel.save()).toBeInViewport();
  await expectNoSideScroll(page, "the reader with the claim form open");
});

test("the demo comparison matrix scrolls inside itself with its headers stuck", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDemoComparison(page);
  await expect(page.getByTestId("matrix-row").first()).toBeVisible();
  await expectNoSideScroll(page, "the demo comparison page");

  const region = page.getByRole("region", { name: /Comparison matrix/ });
  const corner = region.getByRole("columnheader", { name: "Proposition" });
  // Keyboard users can scroll it: it takes focus, and the arrow keys move it.
  await region.focus();
  await expect(region).toBeFocused();
  // Measured after focusing, which may scroll the page to bring the region into view.
  const before = await corner.boundingBox();
  const scrollable = await region.evaluate((el) => ({ x: el.scrollWidth > el.clientWidth, y: el.scrollHeight > el.clientHeight }));
  expect(scrollable.x, "the demo matrix is wider than a phone, so it should scroll sideways inside its box").toBe(true);
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  if (scrollable.y) await page.keyboard.press("PageDown");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The proposition column and the header row stay where they were.
  const after = await corner.boundingBox();
  expect(after?.x).toBeCloseTo(before?.x ?? Number.NaN, 0);
  expect(after?.y).toBeCloseTo(before?.y ?? Number.NaN, 0);
  await expectNoSideScroll(page, "the demo comparison page after scrolling the matrix");
});

test("from 1280 px the header shows its inline navigation and no Menu button, and fits", async ({ page, owner }) => {
  for (const width of [1536, 1280, 1366]) {
    await page.setViewportSize({ width, height: 850 });
    await page.goto(`/w/${owner.slug}`);
    await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
    await expectNoSideScroll(page, `the workspace home at ${width} px`);
  }
  await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
  const nav = page.getByRole("navigation", { name: "Workspace" });
  await expect(nav).toBeVisible();
  for (const name of ["Articles", "Compare", "Sessions", "Settings"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Review/ })).toBeVisible();
  await expect(page.getByTestId("inbox-link")).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search this workspace" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await expectNoSideScroll(page, "the workspace home at 1366 px");
});

test("on a phone a selection offers a bar that takes the reader to the claim form below the article", async ({ page, owner }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const tag = uniq();
  const paragraph = (i: number) => `Đoạn ${i} ${tag}: Bình Nhưỡng bị cáo buộc cung cấp đạn pháo cho Nga, nhưng Moskva bác bỏ thông tin này.`;
  await new ImportPage(page, owner.slug).importAndOpen(`Bài dài ${tag}\n\n${[0, 1, 2, 3, 4, 5].map(paragraph).join("\n\n")}`);
  const reader = new ReaderPage(page);
  const panel = new ClaimPanel(page);
  const bar = page.getByTestId("panel-jump");
  await expect(bar).toHaveCount(0);

  // The form opens below six paragraphs, out of sight: the bar says what is waiting.
  await reader.selectWithMouse(1, "cung cấp đạn pháo");
  await expect(panel.form()).toBeAttached();
  await expect(panel.form()).not.toBeInViewport();
  await expect(bar).toBeInViewport();
  await expect(bar.locator("q")).toHaveText("cung cấp đạn pháo");
  await bar.getByRole("button", { name: "Mark this claim" }).click();

  // There: the claim types in view with the first one focused, and the bar gone.
  await expect(panel.form().getByRole("radio").first()).toBeFocused();
  await expect(panel.form().getByRole("radiogroup")).toBeInViewport();
  await expect(bar).toHaveCount(0);
  await page.keyboard.press("Space");
  await panel.save().click();
  await expect(panel.form()).toHaveCount(0);
});

test("from the tablet size up there is no such bar: the panel is beside the text", async ({ page, owner }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await new ImportPage(page, owner.slug).importAndOpen(articleText(uniq()));
  await new ReaderPage(page).selectWithMouse(0, "cung cấp đạn pháo");
  await expect(new ClaimPanel(page).form()).toBeVisible();
  await expect(page.getByTestId("panel-jump")).toBeHidden();
});
