import { test, expect } from "./fixtures";
import { ImportPage } from "./pages/import-page";

test("bad files are refused with the file named; good ones in the same batch still load", async ({ page, owner }) => {
  const importer = new ImportPage(page, owner.slug);
  await importer.open();
  const good = `Good file ${Date.now()}\n\nPublished: 2 March 2024\n\nA paragraph about a summit.\n\nSource: Example Wire`;
  await page.getByTestId("file-input").setInputFiles([
    { name: "latin1.txt", mimeType: "text/plain", buffer: Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f]) },
    { name: "image.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
    { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61) },
    { name: "good.md", mimeType: "text/markdown", buffer: Buffer.from(good, "utf8") },
  ]);
  const alert = page.getByRole("alert").filter({ hasText: "latin1.txt" });
  await expect(alert).toContainText("latin1.txt is not valid UTF-8");
  await expect(alert).toContainText("image.png: only .txt and .md files can be imported");
  await expect(alert).toContainText("empty.txt is empty");
  await expect(alert).toContainText(/big\.txt is 5\.1 MB; the limit is 5 MB/);
  await expect(importer.card()).toHaveCount(1);
  await expect(importer.card().getByLabel("Published")).toHaveValue("2024-03-02");
  await importer.importCard();

  // The same content again is recognised and not stored twice.
  await page.getByTestId("file-input").setInputFiles({ name: "again.txt", mimeType: "text/plain", buffer: Buffer.from(good.replace(/\n/g, "\r\n"), "utf8") });
  await expect(importer.card(1)).toContainText("Already in this workspace");
  await expect(importer.card(1).getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
});

test("empty pasted text gets a clear message", async ({ page, owner }) => {
  const importer = new ImportPage(page, owner.slug);
  await importer.open();
  await importer.paste("   ");
  await expect(page.getByRole("alert").filter({ hasText: "The text is empty" })).toBeVisible();
});

test("the demo workspace opens with annotated articles", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("demo@example.com");
  await page.getByLabel("Password").fill("demo-desk-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/demo$/);
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(8); // header + 7 demo articles
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.locator("mark[data-claim-ids]").first()).toBeVisible();
  await expect(page.getByTestId("claim-list").getByRole("button").first()).toBeVisible();
  await ctx.close();
});

test("wrong password is refused with a message", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("demo@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await ctx.close();
});
