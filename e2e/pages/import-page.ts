import { expect, type Page } from "@playwright/test";

export class ImportPage {
  constructor(
    private readonly page: Page,
    private readonly slug: string,
  ) {}

  async open() {
    await this.page.goto(`/w/${this.slug}/import`);
    await expect(this.page.getByRole("heading", { name: "Import articles" })).toBeVisible();
  }

  async paste(text: string) {
    await this.page.getByLabel("Paste article text").fill(text);
    await this.page.getByRole("button", { name: "Detect metadata" }).click();
  }

  card(index = 0) {
    return this.page.getByTestId("import-card").nth(index);
  }

  /** Paste `text`, import it with the detected metadata and open the new article; returns its URL path. */
  async importAndOpen(text: string): Promise<string> {
    await this.open();
    await this.paste(text);
    const href = await this.importCard();
    await this.page.goto(href);
    return href;
  }

  /** Paste `text`, set its publisher and origins (comma-separated; "" for none) and import it; returns its URL path. */
  async importWith(text: string, publisher: string, origins = ""): Promise<string> {
    await this.open();
    await this.paste(text);
    await this.card().getByLabel("Publisher").fill(publisher);
    await this.card()
      .getByLabel(/Origins/)
      .fill(origins);
    return this.importCard();
  }

  /** Import the card and return the new article's URL path. */
  async importCard(index = 0): Promise<string> {
    const card = this.card(index);
    await card.getByRole("button", { name: "Import", exact: true }).click();
    const link = card.getByRole("link", { name: /^Open/ });
    await expect(link).toBeVisible();
    return (await link.getAttribute("href"))!;
  }
}
