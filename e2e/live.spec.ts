// Two browsers, two people, one workspace: what one does shows up for the other without a reload.
import type { Page } from "@playwright/test";
import { colleague, expect, test } from "./fixtures";
import { CommentsPanel } from "./pages/discussion";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const tag = () => Math.random().toString(36).slice(2, 7);

// Arrival without a reload is what is checked here, not how fast: there is no polling, so only the
// event stream can deliver it. A loaded CI machine can take over a second; latency belongs in a bench.
const LIVE = 5_000;

const isLive = (p: Page) => expect(p.getByTestId("live-status")).toHaveAttribute("data-status", "live");

test("a claim marked in one browser appears in a colleague's without a reload; an edit in flight keeps its version check", async ({
  page,
  owner,
  browser,
}, info) => {
  const t = tag();
  const href = await new ImportPage(page, owner.slug).importAndOpen(
    `Tin trực tiếp ${t}\n\nBình Nhưỡng đã chuyển đạn pháo cho Nga ${t}.\n\nMoskva bác bỏ thông tin này ${t}.`,
  );
  const lan = await colleague(page, browser, owner, "lan", "EDITOR", info.workerIndex);
  await lan.page.goto(href);
  await Promise.all([isLive(page), isLive(lan.page)]);
  const mine = new ReaderPage(page);
  const theirs = new ReaderPage(lan.page);

  await mine.selectWithMouse(0, "chuyển đạn pháo cho Nga");
  await page.keyboard.press("1");
  await mine.saveClaim();
  // Counted from the moment the save is acknowledged.
  await expect(theirs.marks()).toHaveText(["chuyển đạn pháo cho Nga"], { timeout: LIVE });
  await expect(theirs.claimList().getByRole("button")).toHaveCount(1);

  // Lan starts editing; meanwhile the owner changes the same claim.
  await theirs.claimList().getByRole("button").first().click();
  await lan.page.getByTestId("claim-details").getByRole("button", { name: /^Edit/ }).click();
  await theirs.claimForm().getByLabel("Note").fill("typed while a colleague edits");
  await page.getByTestId("claim-details").getByRole("button", { name: /^Edit/ }).click();
  await mine.claimForm().getByLabel("Note").fill("owner's note");
  await mine.saveClaim();
  // Lan is told, her typing is kept, and saving cannot overwrite the owner's change.
  await expect(lan.page.getByTestId("changed-meanwhile")).toBeVisible();
  await expect(theirs.claimForm().getByLabel("Note")).toHaveValue("typed while a colleague edits");
  await theirs.claimForm().getByRole("button", { name: /^Save/ }).click();
  await expect(theirs.claimForm().getByRole("alert")).toContainText("Someone else changed this claim");
  await lan.page.getByRole("button", { name: "Load their version" }).click();
  await expect(theirs.claimForm().getByLabel("Note")).toHaveValue("owner's note");
  await theirs.claimForm().getByRole("button", { name: "Cancel" }).click();

  // A submission, an approval and a comment arrive the same way.
  const ownerReview = page.getByTestId("claim-details").getByTestId("claim-review");
  const lanReview = lan.page.getByTestId("claim-details").getByTestId("claim-review");
  await ownerReview.getByRole("button", { name: "Submit for review" }).click();
  await expect(ownerReview.getByTestId("claim-status")).toHaveText("Submitted");
  await expect(lanReview.getByTestId("claim-status")).toHaveText("Submitted", { timeout: LIVE });
  await lanReview.getByRole("button", { name: "Approve" }).click();
  await expect(lanReview.getByTestId("claim-status")).toHaveText("Approved");
  await expect(ownerReview.getByTestId("claim-status")).toHaveText("Approved", { timeout: LIVE });
  await new CommentsPanel(lan.page).write(`Checked against the wire ${t}`);
  await expect(new CommentsPanel(lan.page).threads()).toHaveCount(1);
  await expect(new CommentsPanel(page).threads()).toContainText([`Checked against the wire ${t}`], { timeout: LIVE });

  // A delete arrives the same way.
  await page
    .getByTestId("claim-details")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expect(theirs.marks()).toHaveCount(0, { timeout: LIVE });
  await lan.context.close();
});

test("the proposition page and the matrix follow a colleague's links live, show the verdict changing, and miss nothing across a reconnect", async ({
  page,
  owner,
  browser,
}, info) => {
  // Three imports and a reconnect, with two browsers open: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const t = tag();
  const statement = `Pyongyang shipped shells ${t}`;
  const importer = new ImportPage(page, owner.slug);
  const mine = new ReaderPage(page);
  const panel = page.getByTestId("claim-propositions");

  await page.goto(await importer.importWith(`Tin A ${t}\n\nBình Nhưỡng đã chuyển đạn pháo cho Nga ${t}.`, `Outlet A ${t}`, `Wire ${t}`));
  await mine.selectWithMouse(0, "chuyển đạn pháo cho Nga");
  await page.keyboard.press("1");
  await mine.saveClaim();
  await panel.getByRole("button", { name: "New proposition from this claim" }).click();
  await panel.getByLabel(/Statement/).fill(statement);
  await panel.getByRole("button", { name: "Create and link" }).click();
  const propositionHref = (await panel.getByRole("link", { name: statement }).getAttribute("href"))!;

  const lan = await colleague(page, browser, owner, "lan", "VIEWER", info.workerIndex);
  const propositionId = propositionHref.split("/").at(-1)!;
  const logUrl = (after: string) => `/api/v1/workspaces/${lan.ws}/events/log?propositionId=${propositionId}&after=${after}&limit=500`;
  // Where the server's log of this proposition stands before Lan opens it.
  const { position: opened } = (await (await page.request.get(logUrl("0"))).json()) as { position: string };
  const matrix = await lan.context.newPage();
  await Promise.all([lan.page.goto(propositionHref), matrix.goto(`/w/${owner.slug}/propositions`)]);
  await Promise.all([isLive(lan.page), isLive(matrix)]);
  await expect(lan.page.getByTestId("verdict-badge")).toHaveText(/Single origin/);
  const row = matrix.getByTestId("matrix-row").filter({ hasText: statement });
  await expect(row.getByTestId("verdict-badge")).toHaveText(/Single origin/);

  // The owner links a denial from an independent outlet: the verdict becomes a conflict.
  await page.goto(await importer.importWith(`Tin C ${t}\n\nĐiện Kremlin bác bỏ việc nhận đạn pháo ${t}.`, `Outlet C ${t}`));
  await mine.selectWithMouse(0, "bác bỏ việc nhận đạn pháo");
  await page.keyboard.press("2");
  await mine.saveClaim();
  await panel.getByRole("button", { name: "Link to existing…" }).click();
  await panel.getByLabel("Refutes").check();
  await panel.getByLabel("Find a proposition").fill(`shipped shells ${t}`);
  await panel.getByRole("button", { name: statement }).click();
  await expect(panel.getByRole("link", { name: statement })).toBeVisible();

  await expect(lan.page.getByTestId("verdict-badge")).toHaveText(/Conflict/, { timeout: LIVE });
  await expect(lan.page.getByTestId("verdict-changed")).toHaveText(/was Single origin/);
  await expect(row.getByTestId("verdict-badge")).toHaveText(/Conflict/, { timeout: LIVE });
  await expect(row.getByTestId("verdict-changed")).toBeVisible();

  // Lan's connection drops; the owner links one more claim meanwhile; it arrives once on reconnect.
  const status = lan.page.getByTestId("live-status");
  await lan.context.setOffline(true);
  await expect(status).toHaveAttribute("data-status", "reconnecting");
  await page.goto(await importer.importWith(`Tin B ${t}\n\nTriều Tiên đã chuyển đạn pháo cho Nga trong tháng này ${t}.`, `Outlet B ${t}`, `Wire ${t}`));
  await mine.selectWithMouse(0, "chuyển đạn pháo cho Nga");
  await page.keyboard.press("1");
  await mine.saveClaim();
  await page
    .getByTestId("proposition-suggestions")
    .getByRole("button", { name: `Link as supports: ${statement}` })
    .click();
  await expect(panel.getByRole("link", { name: statement })).toBeVisible();
  await lan.context.setOffline(false);
  await expect(status).toHaveAttribute("data-status", "live");
  await expect(lan.page.getByRole("region", { name: "supports mentions" }).getByTestId("mention-card")).toHaveCount(2);
  // Lan's page received exactly the events the server logged for this proposition since she opened
  // it: the same number and the same last id, so none was missed and none counted twice.
  const log = (await (await page.request.get(logUrl(opened))).json()) as { items: { id: string }[] };
  expect(log.items.length).toBeGreaterThanOrEqual(2);
  await expect(status).toHaveAttribute("data-last-event", log.items.at(-1)!.id);
  await expect(status).toHaveAttribute("data-received", String(log.items.length));

  // A viewer sees all of it but can change nothing, in the page or through the API.
  await expect(lan.page.getByRole("button", { name: /Unlink|Edit proposition/ })).toHaveCount(0);
  const write = await lan.page.request.post(`/api/v1/workspaces/${lan.ws}/propositions`, { data: { statement: "A viewer's proposition" } });
  expect(write.status()).toBe(403);
  await lan.context.close();
});

test("a removed member loses access at once: the open page is told, the API and the event stream refuse", async ({ page, owner, browser }, info) => {
  const t = tag();
  const href = await new ImportPage(page, owner.slug).importAndOpen(`Tin D ${t}\n\nHai bên ký hiệp ước đối tác chiến lược ${t}.`);
  const lan = await colleague(page, browser, owner, "lan", "EDITOR", info.workerIndex);
  await lan.page.goto(href);
  await isLive(lan.page);

  const res = await page.request.delete(`/api/v1/workspaces/${lan.ws}/members/${lan.userId}`);
  expect(res.status(), await res.text()).toBe(200);
  await expect(lan.page.getByTestId("live-revoked")).toContainText("no longer a member", { timeout: LIVE });
  expect((await lan.page.request.get(`/api/v1/workspaces/${lan.ws}/articles`)).status()).toBe(404);
  expect((await lan.page.request.get(`/api/v1/workspaces/${lan.ws}/events/log`)).status()).toBe(404);
  await lan.page.reload();
  await expect(lan.page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await lan.context.close();
});

test("nobody's arrival re-renders the reader, and a colleague's change waits for a drag-selection in progress", async ({ page, owner, browser }, info) => {
  const t = tag();
  const mine = `Bình Nhưỡng đã chuyển đạn pháo cho Nga ${t}`;
  const theirs = `Moskva bác bỏ thông tin này ${t}`;
  const lan = await colleague(page, browser, owner, "lan", "EDITOR", info.workerIndex);
  const href = await new ImportPage(page, owner.slug).importAndOpen(`Tin kéo chọn ${t}\n\n${mine}.\n\n${theirs}.`);
  const status = page.getByTestId("live-status");
  const reader = new ReaderPage(page);
  await isLive(page);
  // The owner's own arrival comes back on the stream, and the page is not rendered again for it.
  await expect(status).toHaveAttribute("data-received", "1", { timeout: LIVE });

  await lan.page.goto(href);
  await isLive(lan.page);
  // Lan's arrival shows as an avatar, asked for on its own: still no refresh of the page.
  await expect(page.getByRole("group", { name: "Also viewing" })).toContainText("lan", { timeout: LIVE, ignoreCase: true });
  await expect(status).toHaveAttribute("data-received", "2");
  await expect(status).toHaveAttribute("data-refreshes", "0");

  // The owner is halfway through a drag when Lan marks a claim in the other paragraph.
  const box = await reader.quoteBox(0, mine);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  const other = new ReaderPage(lan.page);
  await other.selectWithMouse(1, theirs);
  await lan.page.keyboard.press("2");
  await other.saveClaim();
  await expect.poll(async () => Number(await status.getAttribute("data-received")), { timeout: LIVE }).toBeGreaterThan(2);
  // Longer than a refresh takes to fall due (120 ms): it is held while the button is down.
  await page.waitForTimeout(600);
  await expect(status).toHaveAttribute("data-refreshes", "0");
  await expect(reader.marks()).toHaveCount(0);

  // Released: the selection is whole, and then the page catches up with Lan's claim.
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  await expect(reader.claimForm().getByTestId("claim-quote")).toHaveText(mine);
  await expect(reader.marks()).toHaveText([theirs], { timeout: LIVE });
  await expect(status).toHaveAttribute("data-refreshes", "1");
  await expect(reader.claimForm().getByTestId("claim-quote")).toHaveText(mine);

  // A press whose release the page never hears of (the window loses focus) holds nothing back.
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  const seen = Number(await status.getAttribute("data-received"));
  await lan.page
    .getByTestId("claim-details")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expect.poll(async () => Number(await status.getAttribute("data-received")), { timeout: LIVE }).toBeGreaterThan(seen);
  await page.waitForTimeout(600);
  await expect(status).toHaveAttribute("data-refreshes", "1");
  await page.evaluate(() => window.dispatchEvent(new Event("blur")));
  await expect(reader.marks()).toHaveCount(0, { timeout: LIVE });
  await expect(status).toHaveAttribute("data-refreshes", "2");
  await page.mouse.up();
  await lan.context.close();
});

test("the live badge is as wide connecting as live: the article text does not move when the stream connects", async ({ page, owner }) => {
  let connect = () => {};
  const held = new Promise<void>((resolve) => {
    connect = resolve;
  });
  await page.route(/\/api\/v1\/workspaces\/[^/]+\/events(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  const t = tag();
  // A title long enough to wrap beside the header's buttons on a laptop screen.
  await new ImportPage(page, owner.slug).importAndOpen(`Tin về chuyến thăm và các thỏa thuận đã được ký kết tại Bình Nhưỡng ${t}\n\nHai bên ký hiệp ước ${t}.`);
  const status = page.getByTestId("live-status");
  const text = page.getByTestId("passage-0");
  await expect(status).toHaveAttribute("data-status", "connecting");
  const before = { badge: (await status.boundingBox())!, text: (await text.boundingBox())! };
  connect();
  await isLive(page);
  const after = { badge: (await status.boundingBox())!, text: (await text.boundingBox())! };
  expect(after.badge.width).toBe(before.badge.width);
  expect(after.text.y).toBe(before.text.y);
});
