import { expect, signUp, test } from "./fixtures";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

test("the settings list where you are signed in; signing out another device takes your password and ends it at once", async ({ browser }, info) => {
  // An account of its own: the worker's shared owner session must stay signed in for the other tests.
  const me = await signUp(browser, "devices", info.workerIndex);
  const laptop = await (await browser.newContext({ storageState: me.storageState })).newPage();
  const phoneContext = await browser.newContext({ userAgent: IPHONE });
  const phone = await phoneContext.newPage();
  await phone.goto("/login");
  await phone.getByLabel("Email").fill(me.email);
  await phone.getByLabel("Password").fill(me.password);
  await phone.getByRole("button", { name: "Sign in" }).click();
  await phone.waitForURL(/\/(w\/[^/]+|workspaces)$/);

  await laptop.goto(`/w/${me.slug}/settings`);
  const list = laptop.getByTestId("active-sessions");
  await expect(list.getByTestId("active-session")).toHaveCount(2);
  const here = list.getByTestId("active-session").filter({ hasText: "This device" });
  await expect(here).toContainText(/Chrome on (Windows|Linux|macOS)/);
  await expect(here.getByRole("button")).toHaveCount(0);

  await list.getByRole("button", { name: "Sign out Safari on iOS" }).click();
  const dialog = laptop.getByRole("dialog", { name: "Sign out Safari on iOS?" });
  await dialog.getByLabel("Your password").fill("not my password");
  await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(dialog.getByText("That is not your password")).toBeVisible();
  await phone.reload();
  await expect(phone).not.toHaveURL(/\/login/);

  await dialog.getByLabel("Your password").fill(me.password);
  await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(list.getByTestId("active-session")).toHaveCount(1);
  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);
  // The laptop is still signed in.
  await laptop.reload();
  await expect(laptop.getByTestId("active-sessions")).toBeVisible();
  await phoneContext.close();
  await laptop.context().close();
});

test("a password change signs the other devices out and leaves a notice in the inbox", async ({ browser }, info) => {
  const me = await signUp(browser, "notice", info.workerIndex);
  const laptop = await (await browser.newContext({ storageState: me.storageState })).newPage();
  const errors: string[] = [];
  laptop.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const other = await (await browser.newContext({ storageState: me.storageState })).newPage();

  await laptop.goto(`/w/${me.slug}/settings`);
  await laptop.getByLabel("Current password").fill(me.password);
  await laptop.getByLabel("New password").fill("a brand new passphrase");
  await laptop.getByRole("button", { name: "Change password" }).click();
  // This browser gets a new session by a one-time ticket, not a second throttled sign-in: failed
  // sign-ins from the same address (parallel tests) must not send it to the sign-in page.
  await expect(laptop.getByText("Password changed. You are signed out everywhere else.")).toBeVisible();
  await expect(laptop).toHaveURL(/\/settings/);

  await other.goto(`/w/${me.slug}/inbox`);
  await expect(other).toHaveURL(/\/login/);
  await laptop.goto(`/w/${me.slug}/inbox`);
  const notice = laptop.getByTestId("inbox-item").filter({ hasText: "Your password was changed and every device was signed out" });
  await expect(notice).toHaveAttribute("data-unread", "true");
  await expect(notice).toContainText("If this was not you, tell a workspace owner.");
  await notice.getByRole("link").click();
  await expect(laptop).toHaveURL(/\/settings#account-h$/);
  await expect(laptop.getByTestId("active-sessions")).toBeVisible();
  // Relative times and dates render the same on the server and the client (no next-intl fallback, no hydration mismatch).
  expect(errors.filter((e) => /ENVIRONMENT_FALLBACK|hydrat/i.test(e))).toEqual([]);
  await other.context().close();
  await laptop.context().close();
});
