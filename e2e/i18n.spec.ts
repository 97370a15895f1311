import { test, expect, signUp, workspaceIdOf } from "./fixtures";
import { ReaderPage } from "./pages/reader-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

/** An English article in the owner's workspace, through the API; returns its title. */
async function seedArticle(page: import("@playwright/test").Page, slug: string): Promise<string> {
  const tag = uniq();
  const title = `Ministry denies the report ${tag}`;
  const ws = await workspaceIdOf(page, slug);
  const text = `${title}\n\nThe ministry said on Monday that no agreement had been signed.\n\nOfficials described the report ${tag} as false.`;
  const res = await page.request.post(`/api/v1/workspaces/${ws}/articles`, {
    data: { text, title, publishedAt: "2024-03-02", publisher: null, language: "en" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return title;
}

const walks = [
  {
    locale: "en-US",
    lang: "en",
    workspacesHeading: "Your workspaces",
    articlesHeading: "Articles",
    published: "03/02/2024",
    inbox: "Inbox",
    claimForm: "New claim",
    date: "Date",
    dateReads: "reads as 13 Sep 2023",
    dateFails: "cannot read: month 13 does not exist (numeric dates are day/month: 13/9/2023 is 13 September 2023)",
    addCount: "Add a count",
    count: "Count 1",
    countReads: "reads as 20–99 (approximate)",
  },
  {
    locale: "vi-VN",
    lang: "vi",
    workspacesHeading: "Không gian làm việc của bạn",
    articlesHeading: "Bài viết",
    published: "02/03/2024",
    inbox: "Hộp thư",
    claimForm: "Nhận định mới",
    date: "Ngày",
    dateReads: "được hiểu là 13/9/2023",
    dateFails: "không đọc được: không có tháng 13 (ngày viết bằng số theo thứ tự ngày/tháng: 13/9/2023 là ngày 13 tháng 9 năm 2023)",
    addCount: "Thêm số lượng",
    count: "Số lượng 1",
    countReads: "được hiểu là 20–99 (ước lượng)",
  },
] as const;

for (const walk of walks) {
  test(`core walk in ${walk.lang}: workspaces → an article → the claim form, from the browser's language`, async ({ browser, page, owner }) => {
    const title = await seedArticle(page, owner.slug);
    // The owner has no language setting: the browser's Accept-Language decides.
    const context = await browser.newContext({ storageState: owner.storageState, locale: walk.locale });
    const p = await context.newPage();
    await p.goto("/workspaces");
    await expect(p.locator("html")).toHaveAttribute("lang", walk.lang);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(walk.workspacesHeading);
    await p.locator(`a[href="/w/${owner.slug}"]`).click();

    await expect(p.getByRole("heading", { name: walk.articlesHeading, exact: true })).toBeVisible();
    const row = p.getByRole("row").filter({ hasText: title });
    // Dates in the locale's order: mm/dd/yyyy in US English, dd/mm/yyyy in Vietnamese.
    await expect(row.locator("time")).toHaveText(walk.published);
    await row.getByRole("link", { name: title }).click();

    await expect(p.locator("html")).toHaveAttribute("lang", walk.lang);
    // The article keeps its own language, whatever the interface's.
    await expect(p.locator("article[lang]").first()).toHaveAttribute("lang", "en");
    await expect(p.getByTestId("inbox-link")).toHaveText(walk.inbox);
    const reader = new ReaderPage(p);
    await reader.selectWithMouse(0, "no agreement had been signed");
    await p.keyboard.press("1");
    const form = p.getByRole("form", { name: walk.claimForm });
    await expect(form).toBeVisible();
    // The form reads the date and count back in the interface's language, failures included.
    const date = form.getByLabel(walk.date, { exact: true });
    await date.fill("13/9/2023");
    await expect(date).toHaveAccessibleDescription(walk.dateReads);
    await date.fill("9/13/2023");
    await expect(date).toHaveAccessibleDescription(walk.dateFails);
    await form.getByRole("button", { name: walk.addCount }).click();
    const count = form.getByLabel(walk.count, { exact: true });
    await count.fill("hàng chục");
    await expect(count).toHaveAccessibleDescription(walk.countReads);
    await context.close();
  });
}

test("the header switch saves the language on the account; the settings put it back to the browser's", async ({ browser }, workerInfo) => {
  const account = await signUp(browser, "polyglot", workerInfo.workerIndex);
  const context = await browser.newContext({ storageState: account.storageState });
  const p = await context.newPage();
  await p.goto(`/w/${account.slug}`);
  await expect(p.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await p.getByTestId("locale-switch").selectOption("vi");
  await expect(p.getByRole("button", { name: "Đăng xuất", exact: true })).toBeVisible();
  await expect(p.locator("html")).toHaveAttribute("lang", "vi");

  // Another browser (English, no cookie) signed in as the same user: the account's choice wins.
  const other = await browser.newContext({ storageState: account.storageState, locale: "en-US" });
  const q = await other.newPage();
  await q.goto(`/w/${account.slug}/settings`);
  await expect(q.locator("html")).toHaveAttribute("lang", "vi");
  await expect(q.getByRole("heading", { name: "Tài khoản của bạn" })).toBeVisible();
  await q.getByRole("radio", { name: "Theo trình duyệt" }).check();
  await expect(q.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(q.locator("html")).toHaveAttribute("lang", "en");
  await other.close();
  await context.close();
});

test("a search too short to run says why in the interface's language", async ({ browser, owner }) => {
  for (const [locale, why] of [
    ["en-US", "Type at least 2 characters: one letter would match almost everything."],
    ["vi-VN", "Hãy gõ ít nhất 2 ký tự: một chữ cái sẽ khớp với gần như mọi thứ."],
  ] as const) {
    const context = await browser.newContext({ storageState: owner.storageState, locale });
    const p = await context.newPage();
    await p.goto(`/w/${owner.slug}/search?q=a`);
    await expect(p.locator("#search-error")).toHaveText(why);
    await context.close();
  }
});

test("signed out: Accept-Language picks the sign-in page's language, and the switch keeps a choice in a cookie", async ({ browser }) => {
  const context = await browser.newContext({ locale: "vi-VN" });
  const p = await context.newPage();
  await p.goto("/login");
  await expect(p.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
  await expect(p.getByLabel("Mật khẩu")).toBeVisible();
  // Form errors come from the schemas' English messages through the phrasebook.
  await p.getByLabel("Email").fill("not an email");
  await p.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(p.getByText("Hãy nhập địa chỉ email hợp lệ")).toBeVisible();
  await expect(p.getByText("Hãy nhập mật khẩu", { exact: true })).toBeVisible();
  await p.getByTestId("locale-switch").selectOption("en");
  await expect(p.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await p.goto("/signup");
  await expect(p.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await expect(p.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("API error messages follow Accept-Language; the codes do not change", async ({ page, owner }) => {
  const missing = "/api/v1/workspaces/00000000-0000-4000-8000-000000000000/articles";
  const en = await page.request.get(missing);
  const vi = await page.request.get(missing, { headers: { "Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8" } });
  expect(en.status()).toBe(404);
  expect(vi.status()).toBe(404);
  expect((await en.json()).error).toMatchObject({ code: "not_found", message: "Workspace not found" });
  expect((await vi.json()).error).toMatchObject({ code: "not_found", message: "Không tìm thấy không gian làm việc" });

  // A validation error without a catalogue key: the message and each field's, in Vietnamese.
  const ws = await workspaceIdOf(page, owner.slug);
  const bad = await page.request.post(`/api/v1/workspaces/${ws}/propositions`, { data: { statement: "x".repeat(501) }, headers: { "Accept-Language": "vi" } });
  expect(bad.status()).toBe(422);
  const body = (await bad.json()).error;
  expect(body.code).toBe("validation");
  expect(body.details.fields.statement).toBe("Một mệnh đề có thể dài tối đa 500 ký tự");
});

test("files the import refuses are named with the reason in the interface's language", async ({ browser, owner }) => {
  const context = await browser.newContext({ storageState: owner.storageState, locale: "vi-VN" });
  const p = await context.newPage();
  await p.goto(`/w/${owner.slug}/import`);
  await p.getByTestId("file-input").setInputFiles([
    { name: "latin1.txt", mimeType: "text/plain", buffer: Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f]) },
    { name: "image.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
    { name: "utf16.txt", mimeType: "text/plain", buffer: Buffer.from([0xff, 0xfe, 0x48, 0x00]) },
    { name: "blob.txt", mimeType: "text/plain", buffer: Buffer.from([0x48, 0x00, 0x49]) },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
    { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61) },
  ]);
  const alert = p.getByRole("alert").filter({ hasText: "latin1.txt" });
  // Sizes are written the Vietnamese way too: a decimal comma.
  await expect(alert).toContainText("big.txt có dung lượng 5,1 MB; giới hạn là 5 MB");
  await expect(alert).toContainText("latin1.txt không phải văn bản UTF-8 hợp lệ (byte lỗi đầu tiên ở vị trí 1)");
  await expect(alert).toContainText("image.png: chỉ nhập được tệp .txt và .md");
  await expect(alert).toContainText("utf16.txt là văn bản UTF-16; hãy lưu lại dạng UTF-8 rồi nhập lại");
  await expect(alert).toContainText("blob.txt có vẻ là tệp nhị phân, không phải văn bản");
  await expect(alert).toContainText("empty.txt trống");
  await expect(alert).not.toContainText("is empty");
  await context.close();
});
