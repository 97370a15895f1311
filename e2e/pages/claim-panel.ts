import { expect, type Locator, type Page } from "@playwright/test";

/** The claim side panel: the new/edit claim form and the selected claim's details. */
export class ClaimPanel {
  constructor(readonly page: Page) {}

  form(): Locator {
    return this.page.getByRole("form", { name: /claim/i });
  }

  speakers(): Locator {
    return this.form().getByRole("combobox", { name: "Speakers" });
  }

  listbox(): Locator {
    return this.page.getByRole("listbox");
  }

  /** Type a name in Speakers and create it as a new entity of `kind` from the list. */
  async createSpeaker(name: string, kind: "person" | "organization" | "country") {
    await this.speakers().fill(name);
    await this.page.getByRole("option", { name: `Create “${name}” (${kind})` }).click();
    await expect(this.chip(name)).toBeVisible();
  }

  /** The chosen speakers, in order (the chips sit in the box around the input). */
  speakerChips(): Locator {
    return this.speakers().locator("xpath=..").getByTestId("chip");
  }

  chip(name: string): Locator {
    return this.speakerChips().filter({ has: this.page.getByRole("button", { name: `Remove ${name}`, exact: true }) });
  }

  save(): Locator {
    return this.form().getByRole("button", { name: /^Save/ });
  }

  details(): Locator {
    return this.page.getByTestId("claim-details");
  }

  /** The details row value for `label` (e.g. "Speakers", "Date"). */
  detail(label: string): Locator {
    return this.details()
      .locator("dt", { hasText: new RegExp(`^${label}$`) })
      .locator("xpath=following-sibling::dd[1]");
  }
}
