import fs from "node:fs";
import { test, expect } from "./fixtures";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const tag = () => Math.random().toString(36).slice(2, 7);

test("export a marked claim as CSV from the reader, and print the claim report to PDF", async ({ page, owner }) => {
  const t = tag();
  const _href = await new ImportPage(page, owner.slug).importAndOpen(
    `Báo cáo ${t}\n\nNhà Trắng nói Bình Nhưỡng đã gửi =đạn pháo cho Nga ${t}.\n\nMinh An (Theo Wire Example)`,
  );
  const reader = new ReaderPage(page);
  await reader.selectWithMouse(0, "Bình Nhưỡng đã gửi =đạn pháo cho Nga");
  await page.keyboard.press("1");
  await reader.saveClaim();
  const panel = page.getByTestId("claim-propositions");
  await panel.getByRole("button", { name: "New proposition from this claim" }).click();
  await panel.getByLabel(/Statement/).fill(`Pyongyang sent shells ${t}`);
  await panel.getByRole("button", { name: "Create and link" }).click();
  await expect(panel.getByRole("link", { name: `Pyongyang sent shells ${t}` })).toBeVisible();

  await page.getByTestId("export-menu").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: /^CSV/ }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFannotation_id,")).toBe(true);
  expect(csv).toContain(`Pyongyang sent shells ${t}`);
  expect(csv).toContain("Bình Nhưỡng đã gửi =đạn pháo cho Nga");
  expect(csv.trim().split("\r\n")).toHaveLength(2);

  await page.getByTestId("export-menu").click();
  await page.getByRole("menuitem", { name: /Claim report \(web page/ }).click();
  await expect(page.getByRole("heading", { name: `Pyongyang sent shells ${t}` })).toBeVisible();
  await expect(page.getByTestId("report-sentence")).toContainText("Single origin");
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(5000);
});

test("API tokens: shown once, scoped by role, refused after revoking", async ({ page, owner, playwright }) => {
  await page.goto(`/w/${owner.slug}/settings/api-tokens`);
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Token name").fill("e2e reader");
  await form.getByLabel("Role").selectOption("VIEWER");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").getByLabel("New API token").inputValue();
  expect(token).toMatch(/^cb_/);

  const api = await playwright.request.newContext({ baseURL: page.url().replace(/\/w\/.*$/, ""), extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const list = await api.get("/api/v1/workspaces");
  expect(list.status()).toBe(200);
  const { items } = await list.json();
  expect(items).toHaveLength(1);
  const wsId: string = items[0].id;
  expect((await api.get(`/api/v1/workspaces/${wsId}/articles`)).status()).toBe(200);
  const write = await api.post(`/api/v1/workspaces/${wsId}/articles`, { data: { text: "A viewer token cannot import.", title: "Nope" } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.code).toBe("forbidden");
  const bad = await api.get(`/api/v1/workspaces/${wsId}/exports/pdfx`);
  expect(bad.status()).toBe(422);
  const docs = await api.get("/api/v1/openapi.json");
  expect((await docs.json()).openapi).toBe("3.1.0");

  await page.reload();
  const row = page.getByTestId("token-row").filter({ hasText: "e2e reader" });
  await row.getByRole("button", { name: "Revoke…" }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(row).toContainText("revoked");
  const after = await api.get("/api/v1/workspaces");
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("unauthorized");
  await api.dispose();
});

test("bulk JSONL import is all-or-nothing and names the bad lines", async ({ page, owner }) => {
  const t = tag();
  await page.goto(`/w/${owner.slug}/import`);
  const good = (n: number) =>
    JSON.stringify({ text: `Bulk article ${n} ${t}\n\nPublished: 2 May 2024\n\nParagraph ${n} about the summit ${t}.`, publisher: "Bulk Wire" });
  const input = page.getByTestId("bulk-file-input");
  await input.setInputFiles({
    name: "bad.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from([good(1), "{not json", JSON.stringify({ text: "x", titel: "typo" })].join("\n")),
  });
  await page.getByRole("button", { name: "Check and import file" }).click();
  const problems = page.getByRole("list", { name: "Problems" });
  await expect(problems).toContainText("line 2");
  await expect(problems).toContainText(/line 3: unknown field "titel"/);
  await page.goto(`/w/${owner.slug}?q=${encodeURIComponent(`Bulk article 1 ${t}`)}`);
  await expect(page.getByText("No article title contains")).toBeVisible();

  await page.goto(`/w/${owner.slug}/import`);
  await page
    .getByTestId("bulk-file-input")
    .setInputFiles({ name: "good.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from([good(1), good(2)].join("\n")) });
  await page.getByRole("button", { name: "Check and import file" }).click();
  await expect(page.getByText("Imported 2 articles from good.jsonl.")).toBeVisible();
});
