import { test, expect } from "./fixtures";
import { ClaimPanel } from "./pages/claim-panel";
import { ImportPage } from "./pages/import-page";
import { ReaderPage } from "./pages/reader-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

// No date line: the article has no publication date, so relative dates cannot be read.
function articleText(tag: string) {
  return `Moskva và Bình Nhưỡng bác bỏ ${tag}

Điện Kremlin nói không có thỏa thuận vũ khí nào với Triều Tiên.

Moskva và Bình Nhưỡng bác bỏ cáo buộc chuyển giao đạn pháo, bản ${tag}.

Nga đã nhận thêm nhiều UAV tấn công từ đối tác.`;
}

async function openArticle(page: import("@playwright/test").Page, slug: string, tag: string) {
  await new ImportPage(page, slug).importAndOpen(articleText(tag));
  return { reader: new ReaderPage(page), panel: new ClaimPanel(page) };
}

test("opening the speaker list never chooses a speaker: Ctrl+Enter saves the claim with nobody named", async ({ page, owner }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const tag = uniq();
  const { reader, panel } = await openArticle(page, owner.slug, tag);

  // A workspace with an entity in it, so the speaker list has something to offer.
  await reader.selectWithMouse(0, "Điện Kremlin nói");
  await page.keyboard.press("9");
  await panel.createSpeaker(`Kremlin ${tag}`, "organization");
  await reader.saveClaim();

  await reader.selectWithMouse(1, "bác bỏ cáo buộc");
  await page.keyboard.press("1");
  await expect(panel.form().getByRole("radio", { name: /Arms transfer/ })).toBeChecked();
  // The type key puts focus in Speakers, whose list opens: entities offered, none active.
  await expect(panel.speakers()).toBeFocused();
  await expect(panel.listbox().getByRole("option").first()).toBeVisible();
  await expect(panel.speakers()).not.toHaveAttribute("aria-activedescendant", /.+/);
  await expect(panel.listbox().getByRole("option", { selected: true })).toHaveCount(0);
  // The fresh form fits: Save is on screen without scrolling.
  await expect(panel.save()).toBeInViewport();

  await page.keyboard.press("Control+Enter");
  await expect(panel.form()).toHaveCount(0);
  await expect(panel.details()).toContainText("Arms transfer");
  await expect(panel.detail("Speaker")).toHaveText("not named");
  await expect(panel.details()).not.toContainText(`Kremlin ${tag}`);

  await page.reload();
  await reader
    .claimList()
    .getByRole("button", { name: /Arms transfer/ })
    .click();
  await expect(panel.detail("Speaker")).toHaveText("not named");
  await expect(panel.details()).not.toContainText(`Kremlin ${tag}`);
});

test("a claim can have several speakers, kept in order", async ({ page, owner }) => {
  const tag = uniq();
  const { reader, panel } = await openArticle(page, owner.slug, tag);

  await reader.selectWithMouse(1, "Moskva và Bình Nhưỡng bác bỏ");
  await page.keyboard.press("2");
  await panel.createSpeaker(`Moscow ${tag}`, "country");
  await panel.createSpeaker(`Pyongyang ${tag}`, "country");
  await expect(panel.speakerChips()).toHaveText([`Moscow ${tag}×`, `Pyongyang ${tag}×`]);

  // A name that only differs in case and accents is the listed entity, never a new one.
  await panel.speakers().fill(`PYONGYANG ${tag.toUpperCase()}`);
  await expect(panel.listbox()).toBeVisible();
  await expect(panel.page.getByRole("option", { name: /^Create/ })).toHaveCount(0);
  // Escape closes the list, not the form.
  await page.keyboard.press("Escape");
  await expect(panel.listbox()).toHaveCount(0);
  await expect(panel.form()).toBeVisible();
  await panel.speakers().fill("");

  // Backspace in the empty box removes the last speaker; the keyboard adds it back.
  await page.keyboard.press("Backspace");
  await expect(panel.speakerChips()).toHaveText([`Moscow ${tag}×`]);
  await panel.speakers().pressSequentially(`pyongyang ${tag}`);
  // Wait for the answer to what was typed: until it comes, the list still shows the last answer
  // (all speakers, for the empty box), where Pyongyang is listed but not first.
  await expect(panel.listbox().getByRole("option").first()).toHaveText(new RegExp(`^Pyongyang ${tag}`));
  await page.keyboard.press("ArrowDown");
  await expect(panel.speakers()).toHaveAttribute("aria-activedescendant", /.+/);
  await page.keyboard.press("Enter");
  await expect(panel.speakerChips()).toHaveText([`Moscow ${tag}×`, `Pyongyang ${tag}×`]);
  await expect(panel.form()).toBeVisible();

  // Actors: an entity found by name, and free text only where no entity answers to it.
  const actors = panel.form().getByRole("combobox", { name: "Actors" });
  await actors.fill(`moscow ${tag}`);
  await expect(page.getByRole("option", { name: new RegExp(`^Moscow ${tag}`) })).toBeVisible();
  await expect(page.getByRole("option", { name: /as text/ })).toHaveCount(0);
  await page.getByRole("option", { name: new RegExp(`^Moscow ${tag}`) }).click();
  await actors.fill(`đối tác ${tag}`);
  await page.getByRole("option", { name: `Use “đối tác ${tag}” as text (no entity)` }).click();

  await reader.saveClaim();
  await expect(panel.detail("Speakers")).toHaveText(`Moscow ${tag} and Pyongyang ${tag}`);
  await expect(panel.detail("Actors")).toHaveText(`Moscow ${tag}đối tác ${tag}`);
  await expect(panel.detail("Actors").getByTitle(/^free text/)).toHaveText(`đối tác ${tag}`);
  await page.reload();
  await expect(reader.claimList()).toContainText(`Moscow ${tag} and Pyongyang ${tag}`);
  await reader
    .claimList()
    .getByRole("button", { name: /Denial/ })
    .click();
  await expect(panel.detail("Speakers")).toHaveText(`Moscow ${tag} and Pyongyang ${tag}`);
});

test("a type key pressed after typing in the open form sets the type and keeps what was typed", async ({ page, owner }) => {
  const tag = uniq();
  const { reader, panel } = await openArticle(page, owner.slug, tag);

  // Releasing the mouse opens the form with no type; the editor types before choosing one.
  await reader.selectWithMouse(1, "bác bỏ cáo buộc");
  await expect(panel.form()).toBeVisible();
  const date = panel.form().getByLabel("Date", { exact: true });
  const note = panel.form().getByLabel("Note", { exact: true });
  await date.fill("13/9/2023");
  await note.fill(`typed first ${tag}`);

  // Back in the text, the same words, then the Denial key: only the type changes.
  await reader.selectWithMouse(1, "bác bỏ cáo buộc");
  await page.keyboard.press("2");
  await expect(panel.form().getByRole("radio", { name: /Denial/ })).toBeChecked();
  await expect(date).toHaveValue("13/9/2023");
  await expect(date).toHaveAccessibleDescription("reads as 13 Sep 2023");
  await expect(note).toHaveValue(`typed first ${tag}`);

  // The type changed by hand, then the same key again: the key's type comes back.
  await panel.form().locator("label", { hasText: "Gift" }).click();
  await expect(panel.form().getByRole("radio", { name: /Gift/ })).toBeChecked();
  await reader.selectWithMouse(1, "bác bỏ cáo buộc");
  await page.keyboard.press("2");
  await expect(panel.form().getByRole("radio", { name: /Denial/ })).toBeChecked();
  await expect(date).toHaveValue("13/9/2023");

  await reader.saveClaim();
  await expect(panel.details()).toContainText("Denial");
  await expect(panel.detail("Date")).toHaveText("13/9/2023 (reads as 13 Sep 2023)");

  // Cancelled, the key is forgotten: the next selection's form starts with no type.
  await reader.selectWithMouse(2, "Nga đã nhận thêm");
  await page.keyboard.press("3");
  await expect(panel.form().getByRole("radio", { name: /Gift/ })).toBeChecked();
  await panel.form().getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(panel.form()).toHaveCount(0);
  await reader.selectWithMouse(2, "Nga đã nhận thêm");
  await expect(panel.form()).toBeVisible();
  await expect(panel.form().getByRole("radio", { checked: true })).toHaveCount(0);
});

test("a date or count the server cannot read is refused next to its field; a partial date saves", async ({ page, owner }) => {
  const tag = uniq();
  const { reader, panel } = await openArticle(page, owner.slug, tag);

  await reader.selectWithMouse(2, "nhận thêm nhiều UAV tấn công");
  await page.keyboard.press("1");
  const date = panel.form().getByLabel("Date");
  await date.fill("hôm qua");
  // Read back while typing, but not yet an error.
  await expect(date).toHaveAccessibleDescription(/^cannot read: .*relative to the article's date/);
  await expect(date).not.toHaveAttribute("aria-invalid", "true");
  await panel.save().click();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription(/^"hôm qua" is relative to the article's date/);
  await expect(panel.form()).toBeVisible();
  await expect(reader.marks()).toHaveCount(0);

  await date.fill("13/9");
  await expect(date).toHaveAccessibleDescription(/^reads as 13 Sep/);
  await panel.form().getByRole("button", { name: "Add a count" }).click();
  const count = panel.form().getByLabel("Count 1", { exact: true });
  await count.fill("nhiều");
  await expect(count).toHaveAccessibleDescription(/^cannot read: no number found/);
  await panel.form().getByLabel("Counted thing 1", { exact: true }).fill("UAV tấn công");
  await panel.save().click();
  await expect(count).toHaveAttribute("aria-invalid", "true");
  await expect(count).toHaveAccessibleDescription(/^no number found/);
  await expect(date).not.toHaveAttribute("aria-invalid", "true");
  await expect(reader.marks()).toHaveCount(0);

  await count.fill("hàng chục");
  await expect(count).toHaveAccessibleDescription("reads as 20–99 (approximate)");
  await reader.saveClaim();
  await expect(panel.detail("Date")).toHaveText("13/9 (reads as 13 Sep)");
  await expect(panel.detail("Counts")).toHaveText("hàng chục UAV tấn công");
  await page.reload();
  await reader
    .claimList()
    .getByRole("button", { name: /Arms transfer/ })
    .click();
  await expect(panel.detail("Date")).toHaveText("13/9 (reads as 13 Sep)");
  await expect(panel.detail("Counts")).toHaveText("hàng chục UAV tấn công");
});

test("a speaker still being created when Ctrl+Enter is pressed is saved with the claim, not dropped", async ({ page, owner }) => {
  const tag = uniq();
  const { reader, panel } = await openArticle(page, owner.slug, tag);
  await reader.selectWithMouse(0, "Điện Kremlin nói");
  await page.keyboard.press("9");
  // Hold the creation on the server's side long enough for the save to overtake it.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/*", async (route) => {
    const body = route.request().postData() ?? "";
    // The create action's body carries the new entity's kind; the search action's does not.
    if (route.request().method() === "POST" && body.includes(`Slow ${tag}`) && body.includes('"kind":"ORGANIZATION"')) await held;
    await route.continue();
  });
  await panel.speakers().fill(`Slow ${tag}`);
  await page.getByRole("option", { name: `Create “Slow ${tag}” (organization)` }).click();
  await page.keyboard.press("Control+Enter");
  release();
  await expect(panel.form()).toHaveCount(0);
  await expect(panel.detail("Speaker")).toHaveText(`Slow ${tag}`);
  await page.reload();
  await reader
    .claimList()
    .getByRole("button", { name: /Statement/ })
    .click();
  await expect(panel.detail("Speaker")).toHaveText(`Slow ${tag}`);
});
