import type { Locator, Page } from "@playwright/test";

/** The comment threads under a claim's details (or on a proposition page). */
export class CommentsPanel {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId("comment-threads");
  }

  heading(): Locator {
    return this.root().getByRole("heading", { name: /^Comments/ });
  }

  threads(): Locator {
    return this.root().getByTestId("comment-thread");
  }

  /** Start a thread with `text`. */
  async write(text: string) {
    await this.root().getByLabel("New comment").fill(text);
    await this.root().getByRole("button", { name: "Comment", exact: true }).click();
  }
}

/** The History disclosure of the selected claim. */
export class HistoryDisclosure {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId("claim-history");
  }

  async open() {
    await this.root().locator("summary").click();
  }

  entries(): Locator {
    return this.root().getByTestId("history-entry");
  }

  /** The entry whose summary is `summary` ("Marked the claim", "Edited the claim"…). */
  entry(summary: string): Locator {
    return this.entries().filter({ has: this.page.getByTestId("history-summary").filter({ hasText: summary }) });
  }

  /** The row of `field` in an entry's changes: its `del` is the value before, its `ins` the value after. */
  change(entry: Locator, field: string): Locator {
    return entry.getByTestId("history-change").filter({ has: this.page.getByRole("rowheader", { name: field, exact: true }) });
  }
}
