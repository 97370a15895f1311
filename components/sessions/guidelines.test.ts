import { NextIntlClientProvider } from "next-intl";
import { type ComponentProps, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import messages from "@/messages/en.json";
import { Guidelines } from "./guidelines";

const render = (source: string) =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale: "en", messages, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(Guidelines, { source }),
    ),
  );

describe("Guidelines", () => {
  it("renders Markdown formatting", () => {
    const html = render("# Scope\n\n- **Only** quoted claims\n- _not_ headlines");
    expect(html).toContain("<h1>Scope</h1>");
    expect(html).toContain("<strong>Only</strong>");
    expect(html).toContain("<em>not</em>");
  });

  it.each([
    ["a script block", "<script>alert(1)</script>", "<script"],
    ["inline HTML", "Mark <img src=x onerror=alert(1)> this", "<img"],
    ["an element with an event handler", '<b onclick="alert(1)">bold</b>', "<b"],
  ])("shows %s as text, never as HTML", (_what, source, forbidden) => {
    const html = render(source);
    expect(html).not.toContain(forbidden);
    expect(html).toContain("&lt;");
  });

  it("drops javascript: links, keeping their text", () => {
    const html = render("See [the rules](javascript:alert(1)).");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<a");
    expect(html).toContain("the rules");
  });

  it("opens links without giving the page an opener or a referrer", () => {
    const html = render("See [the codebook](https://example.org/codebook).");
    expect(html).toContain('href="https://example.org/codebook"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('<span class="sr-only"> (opens in a new tab)</span>');
  });

  it("says so when there are no guidelines", () => {
    expect(render("   ")).toContain("No guidelines yet.");
  });
});
