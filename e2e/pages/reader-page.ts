import { expect, type Locator, type Page } from "@playwright/test";

export class ReaderPage {
  constructor(readonly page: Page) {}

  passage(index: number): Locator {
    return this.page.getByTestId(`passage-${index}`);
  }

  /** Wait until the reader listens: a key pressed or a focus given before hydration is lost. */
  async ready() {
    await expect(this.page.locator("[data-testid=article-text][data-ready]")).toBeAttached();
  }

  /** Drag the mouse across `quote` inside paragraph `index`, like a person would. */
  async selectWithMouse(index: number, quote: string) {
    const box = await this.quoteBox(index, quote);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
    await this.page.mouse.move(box.x2, box.y2, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Where a drag over `quote` in paragraph `index` starts and ends, in page coordinates. */
  async quoteBox(index: number, quote: string) {
    await this.ready();
    const passage = this.passage(index);
    await passage.scrollIntoViewIfNeeded();
    return passage.evaluate((el, q) => {
      const text = el.textContent ?? "";
      const at = text.indexOf(q);
      if (at < 0) throw new Error(`quote not in paragraph: ${q}`);
      const locate = (offset: number) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent!.length;
          if (offset < seen + len) return { node: n, offset: offset - seen };
          seen += len;
        }
        throw new Error("offset outside text");
      };
      const rectOf = (offset: number) => {
        const { node, offset: o } = locate(offset);
        const r = document.createRange();
        r.setStart(node, o);
        r.setEnd(node, o + 1);
        return r.getBoundingClientRect();
      };
      const first = rectOf(at);
      const last = rectOf(at + q.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }, quote);
  }

  marks(): Locator {
    return this.page.locator("mark[data-claim-ids]");
  }

  claimForm(): Locator {
    return this.page.getByRole("form", { name: /claim/i });
  }

  async saveClaim() {
    await this.claimForm().getByRole("button", { name: /^Save/ }).click();
    await expect(this.claimForm()).toHaveCount(0);
  }

  claimList(): Locator {
    return this.page.getByTestId("claim-list");
  }
}
