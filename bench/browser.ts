// Selection → claim form in a real Chromium: drag across a quote in the 2,000-claim paragraph and
// time until the claim panel shows the quote; the baseline is the same drag on a static page whose script
// shows a form on mouseup. Both are timed the same way (from the mouse-up to the form visible).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Locator, type Page } from "@playwright/test";
import { type Ctx, percentile, type Row } from "./measure";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const SAMPLES = 6;

const STATIC_PAGE = (text: string) => `<!doctype html><html><body>
<p data-testid="passage-0" style="max-width:60rem;font:16px/1.6 sans-serif">${text.replace(/[<&]/g, "")}</p>
<form aria-label="New claim" hidden><p data-testid="claim-quote"></p><label>Type <select><option>Arms transfer</option></select></label><button>Save</button></form>
<script>
document.addEventListener("mouseup", () => {
  const s = document.getSelection();
  if (!s || s.isCollapsed) return;
  document.querySelector("[data-testid=claim-quote]").textContent = s.toString();
  document.querySelector("form").hidden = false;
});
document.addEventListener("keydown", (e) => { if (e.key === "Escape") document.querySelector("form").hidden = true; });
</script></body></html>`;

/** In the page: the screen points of the first and last character of `q` in paragraph 0. */
const BOX_SCRIPT = `function (q) {
  const el = document.querySelector('[data-testid="passage-0"]');
  const text = el.textContent || "";
  const at = text.indexOf(q);
  if (at < 0) throw new Error("quote not in paragraph: " + q);
  const locate = (offset) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent.length;
      if (offset < seen + len) return { node: n, offset: offset - seen };
      seen += len;
    }
    throw new Error("offset outside text");
  };
  const rectOf = (offset) => {
    const { node, offset: o } = locate(offset);
    const r = document.createRange();
    r.setStart(node, o);
    r.setEnd(node, o + 1);
    return r.getBoundingClientRect();
  };
  // The quote may sit below the fold of a long paragraph: bring it to the middle of the screen.
  const r0 = document.createRange();
  const start = locate(at);
  r0.setStart(start.node, start.offset);
  const top = r0.getBoundingClientRect().top;
  window.scrollBy({ top: top - window.innerHeight / 2, behavior: "instant" });
  const first = rectOf(at);
  const last = rectOf(at + q.length - 1);
  return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
}`;

/** Drag the mouse across `quote` in `passage` and answer the ms from mouse-up to `form` visible. */
async function selectAndWait(page: Page, passage: Locator, quote: string, form: Locator): Promise<number> {
  await passage.scrollIntoViewIfNeeded();
  // A string, not a function: tsx would wrap a function in helpers that do not exist in the page.
  const box = (await page.evaluate(`(${BOX_SCRIPT})(${JSON.stringify(quote)})`)) as { x1: number; y1: number; x2: number; y2: number };
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  const t0 = performance.now();
  await page.mouse.up();
  await form.waitFor({ state: "visible", timeout: 10_000 }).catch(async (err: Error) => {
    const shot = path.join(os.tmpdir(), "bench-selection-failure.png");
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`no claim panel after selecting "${quote}" (at ${page.url()}, screenshot ${shot}): ${err.message.split("\n")[0]}`);
  });
  return performance.now() - t0;
}

async function samples(page: Page, open: () => Promise<void>, quotes: string[]): Promise<number[]> {
  // The claim panel shows the selected quote (e2e/annotate.spec.ts waits for the same).
  const form = page.getByTestId("claim-quote");
  const passage = page.getByTestId("passage-0");
  await open();
  const xs: number[] = [];
  for (const q of quotes) {
    xs.push(await selectAndWait(page, passage, q, form));
    await page.keyboard.press("Escape");
    const closed = await form.waitFor({ state: "hidden", timeout: 2000 }).then(
      () => true,
      () => false,
    );
    if (!closed) await open();
  }
  return xs;
}

export async function selectionBench(ctx: Ctx, scale: number): Promise<Row[]> {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 850 } });
    // tsx (esbuild, keepNames) wraps named functions in __name(); functions handed to
    // page.evaluate run in the page, where that helper does not exist.
    await context.addInitScript("globalThis.__name = (f) => f;");
    const domain = new URL(ctx.base).hostname;
    await context.addCookies(
      ctx.cookie.split("; ").map((kv) => ({ name: kv.slice(0, kv.indexOf("=")), value: kv.slice(kv.indexOf("=") + 1), domain, path: "/" })),
    );
    const page = await context.newPage();
    const quotes = Array.from({ length: SAMPLES }, (_, i) => `hit depot ${37 * (i + 1)} at dawn`);
    const url = `${ctx.base}/w/${ctx.slug}/articles/${ctx.gen.dense.articleId}`;
    // BENCH_TRACE=<file>: a Chromium performance trace of the app's drags (open it in DevTools' Performance panel).
    const trace = process.env.BENCH_TRACE;
    if (trace) await browser.startTracing(page, { path: trace, screenshots: false });
    const app = await samples(
      page,
      async () => {
        const res = await page.goto(url);
        if (!res?.ok()) throw new Error(`GET ${url}: ${res?.status()}`);
        await page
          .getByTestId("passage-0")
          .waitFor({ timeout: 30_000 })
          .catch((err: Error) => {
            throw new Error(`the reader did not show paragraph 0 (at ${page.url()}): ${err.message.split("\n")[0]}`);
          });
        await page.waitForLoadState("load");
      },
      quotes,
    );
    if (trace) await browser.stopTracing();
    // A fresh document first: setContent keeps the current one, and with it the app's Content
    // Security Policy, which refuses the static page's inline script.
    const base = await samples(
      page,
      async () => {
        await page.goto("about:blank");
        await page.setContent(STATIC_PAGE(ctx.gen.dense.text));
      },
      quotes,
    );
    const p50 = percentile(app, 50);
    const b50 = percentile(base, 50);
    ctx.log(`selection → claim form: ${app.map((x) => x.toFixed(0)).join(", ")} ms; static page ${base.map((x) => x.toFixed(0)).join(", ")} ms`);
    return [
      {
        scale,
        id: "reader.selection",
        what: `selection → claim form, ${ctx.gen.dense.claims.length} claims (p50 of ${app.length})`,
        target: "≤ 50 ms",
        measured: p50,
        unit: "ms",
        baseline: b50,
        baselineWhat: "static page, p50",
        ratio: b50 ? p50 / b50 : null,
        met: p50 <= 50,
        note: `max ${Math.max(...app).toFixed(0)} ms; timed from mouse-up to the claim panel showing the quote, through Playwright`,
      },
    ];
  } finally {
    await browser.close();
  }
}
