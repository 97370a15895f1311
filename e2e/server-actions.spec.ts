import { expect, type Page, test } from "@playwright/test";

// Server-action bodies the framework cannot take: proxy.ts answers a clear 400 (undecodable) or
// 413 (over the 12 MB limit) instead of Next.js's 500, and real calls still go through.

/** The action id the sign-in form posts to, taken from a real (refused) sign-in in the browser. */
async function signInActionId(page: Page): Promise<string> {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not the password at all");
  const posted = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: "Sign in" }).click();
  const request = await posted;
  const response = await request.response();
  // The well-formed call is untouched: it reaches the action, which refuses the credentials.
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  return request.headers()["next-action"]!;
}

test("malformed server-action bodies get a 400 naming the problem, not a 500", async ({ page }) => {
  const id = await signInActionId(page);
  const post = (contentType: string, data: string | Buffer) =>
    page.request.post("/login", { headers: { "Next-Action": id, "Content-Type": contentType }, data, failOnStatusCode: false });
  const cases: [contentType: string, body: string, problem: RegExp][] = [
    ["text/plain;charset=UTF-8", "garbage{", /not valid JSON/],
    ["text/plain;charset=UTF-8", '["$K1"', /not valid JSON/],
    ["text/plain;charset=UTF-8", '"\\ud800"', /not a list/],
    ["multipart/form-data; boundary=xyz", "not multipart at all", /form data is malformed/],
    ["multipart/form-data; boundary=xyz", '--xyz\r\nContent-Disposition: form-data; name="1_email"\r\n\r\na@b.c\r\n--xyz--\r\n', /no arguments/],
  ];
  for (const [contentType, body, problem] of cases) {
    const res = await post(contentType, body);
    expect(res.status(), `${contentType} ${body}`).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("bad_request");
    expect(json.error.message).toMatch(problem);
    // Refused answers carry the security headers too (next.config.ts sets them on every path).
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  }

  // A well-formed envelope with wrong arguments is the action's business: its own 422-style field errors.
  const wrongArgs = await post("text/plain;charset=UTF-8", JSON.stringify([{ email: "not an email", password: "x" }]));
  expect(wrongArgs.status()).toBe(200);
  expect(await wrongArgs.text()).toContain("Enter a valid email address");
});

test("an oversized server-action body gets a 413 saying the limit, before the framework reads it", async ({ page }) => {
  const id = await signInActionId(page);
  const res = await page.request.post("/login", {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" },
    data: Buffer.alloc(13 * 1024 * 1024, "a"),
    failOnStatusCode: false,
  });
  expect(res.status()).toBe(413);
  const json = (await res.json()) as { error: { code: string; message: string; details: { limit: number } } };
  expect(json.error).toMatchObject({ code: "too_large", details: { limit: 12 * 1024 * 1024 } });
  expect(json.error.message).toMatch(/the limit is 12 MB/);
});

test("sign-up refuses a short or breached password next to the field, and takes a long passphrase", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Policy check");
  await page.getByLabel("Email").fill(`policy-${Date.now()}@e2e.test`);
  const password = page.getByLabel("Password");
  await password.fill("short pass");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/at least 12 characters/)).toBeVisible();
  await password.fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/most common in (published )?data breaches/).first()).toBeVisible();
  // 80 characters, 100+ bytes of UTF-8: past bcrypt's 72, accepted and usable.
  await password.fill("Đường từ Hà Nội đến Bình Nhưỡng dài lắm, nhưng mật khẩu này vẫn dùng được 2026!");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
});
