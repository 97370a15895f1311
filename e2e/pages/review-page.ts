import { expect, type Locator, type Page } from "@playwright/test";

/** The review queue (/w/<slug>/review) as a reviewer sees it. */
export class ReviewPage {
  constructor(
    readonly page: Page,
    private readonly slug: string,
  ) {}

  /** Open the queue, narrowed to one article so claims of other tests never mix in. */
  async open(articleId: string, status?: string) {
    const q = new URLSearchParams({ articleId, ...(status ? { status } : {}) });
    await this.page.goto(`/w/${this.slug}/review?${q}`);
    await expect(this.page.getByRole("heading", { name: "Review queue" })).toBeVisible();
  }

  /** The table once its keys (j/k/a/r/x) are live. */
  async ready() {
    await expect(this.page.locator("[data-testid=review-queue][data-ready]")).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId("review-row");
  }

  activeRow(): Locator {
    return this.page.locator("[data-testid=review-row][aria-current=true]");
  }

  reason(): Locator {
    return this.page.getByLabel("Reason for rejecting");
  }

  statusTabs(): Locator {
    return this.page.getByTestId("review-status-tabs");
  }
}
