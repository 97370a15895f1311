import type { APIResponse, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const tag = () => Math.random().toString(36).slice(2, 7);

/** The fixed headers every answer carries, static files and API answers included. */
function expectFixedHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["permissions-policy"]).toContain("camera=()");
  // Served over plain http here: HSTS would be ignored, and is not sent.
  expect(h["strict-transport-security"]).toBeUndefined();
}

/** An answer that is never a document: it may load nothing and be framed by nobody, with one policy only. */
function expectInertHeaders(res: APIResponse) {
  expectFixedHeaders(res);
  expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
}

/** The nonce in a page's CSP, after checking the directives every page must carry. */
function expectSecurityHeaders(res: APIResponse): string {
  expectFixedHeaders(res);
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("unsafe-eval");
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  return nonce!;
}

/** Every CSP complaint the browser makes on `page`: console messages and DOM violation events. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) seen.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (e.message.includes("Content Security Policy")) seen.push(e.message);
  });
  return seen;
}

test("pages and API answers carry the security headers, with a fresh script nonce each time", async ({ page, owner }) => {
  const first = await page.request.get(`/w/${owner.slug}`);
  expect(first.status()).toBe(200);
  const nonce = expectSecurityHeaders(first);
  // Next puts the nonce on its own scripts; without it the page would not hydrate.
  const html = await first.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).not.toMatch(/<script(?![^>]*nonce=)[^>]*>/);
  expect(expectSecurityHeaders(await page.request.get(`/w/${owner.slug}`))).not.toBe(nonce);

  // API answers (JSON, files, event streams) skip the proxy and carry the fixed, inert policy.
  const api = await page.request.get("/api/v1/workspaces");
  expect(api.status()).toBe(200);
  expectInertHeaders(api);
  const unauthorized = await page.request.get("/api/v1/workspaces", { headers: { authorization: "Bearer cb_nope" } });
  expect(unauthorized.status()).toBe(401);
  expectInertHeaders(unauthorized);
  expectInertHeaders(await page.request.get("/api/health"));
  // Next-auth's routes can answer with HTML, so they keep the per-request policy.
  expectSecurityHeaders(await page.request.get("/api/auth/csrf"));

  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  const asset = await page.request.get(script!);
  expect(asset.status()).toBe(200);
  expectInertHeaders(asset);
});

test("a same-site page cannot frame the signed-in settings page", async ({ page, owner }) => {
  // Two frames on a page of this very origin: settings, and a control page served without the
  // headers, which does load; so the settings frame stays empty because it is refused, not by accident.
  await page.route("**/__e2e/frame-host", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>host</title>
        <iframe id="control" src="/__e2e/frame-control"></iframe>
        <iframe id="settings" src="/w/${owner.slug}/settings"></iframe>
        <script>
          let loaded = 0;
          for (const f of document.querySelectorAll("iframe")) f.addEventListener("load", () => { if (++loaded === 2) document.title = "frames settled"; });
        </script>`,
    }),
  );
  await page.route("**/__e2e/frame-control", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><p>control frame</p>" }));
  const settingsResponse = page.waitForResponse((r) => new URL(r.url()).pathname === `/w/${owner.slug}/settings`);
  await page.goto("/__e2e/frame-host");

  const res = await settingsResponse;
  expect(res.status()).toBe(200);
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page).toHaveTitle("frames settled");

  await expect(page.frameLocator("#control").getByText("control frame")).toBeVisible();
  await expect(page.frameLocator("#settings").getByRole("heading", { name: "Claim types" })).toHaveCount(0);
  const settingsFrame = page.frames().find((f) => f.url().includes("/settings"));
  expect(settingsFrame, "the settings page never became the frame's document").toBeUndefined();
  const reachable = await page.evaluate(() => {
    const doc = (document.getElementById("settings") as HTMLIFrameElement).contentDocument;
    return doc?.body?.textContent ?? null;
  });
  expect(reachable, "the host page cannot read the framed settings").toBeNull();
});

test("the reader runs with no Content Security Policy violation: import, open, mark a claim, live updates", async ({ page, owner }) => {
  const violations = cspViolations(page);
  const t = tag();
  await new ImportPage(page, owner.slug).importAndOpen(`CSP check ${t}\n\nThe ministry said the convoy crossed the border ${t}.`);
  // The live-changes stream (same origin, connect-src 'self') is open once the page has hydrated.
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");

  const reader = new ReaderPage(page);
  await reader.selectWithMouse(0, "the convoy crossed the border");
  await page.keyboard.press("1");
  await reader.saveClaim();
  await expect(reader.marks()).toHaveCount(1);

  await page.reload();
  await expect(reader.marks()).toHaveCount(1);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  expect(violations).toEqual([]);
});
