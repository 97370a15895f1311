import { createFormatter } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { FORMATS, MESSAGES } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translate";

type Tree = { [key: string]: string | Tree };

/** Every message as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/**
 * The ICU arguments and rich-text tags of a message, sorted: `{count, plural, …}` → "count",
 * `<link>…</link>` → "<link>". Plural and select branches are read as messages of their own;
 * their keywords (one/other) may differ between languages, so they are not compared.
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/<([A-Za-z][\w]*)>/g)) if (m[1]) names.add(`<${m[1]}>`);
  readMessage(message, 0, names);
  return [...names].sort();
}

// Reads from `at` to the closing brace of the enclosing branch (or the end); returns the index after it.
function readMessage(text: string, at: number, names: Set<string>): number {
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === "}") return i + 1;
    if (c !== "{") {
      i++;
      continue;
    }
    const head = /^\{\s*([A-Za-z_]\w*)\s*(?:,\s*(\w+)\s*)?/.exec(text.slice(i));
    if (!head?.[1]) throw new Error(`unreadable argument at ${i} in ${JSON.stringify(text)}`);
    names.add(head[1]);
    i += head[0].length;
    const kind = head[2];
    if (kind === "plural" || kind === "select" || kind === "selectordinal") {
      i = text.indexOf(",", i) + 1;
      // Branches: `selector {message}` until the argument's own closing brace.
      for (;;) {
        while (/\s/.test(text[i] ?? "")) i++;
        if (text[i] === "}" || i >= text.length) break;
        const open = text.indexOf("{", i);
        if (open < 0) throw new Error(`unclosed branch in ${JSON.stringify(text)}`);
        i = readMessage(text, open + 1, names);
      }
      i++;
    } else {
      i = text.indexOf("}", i) + 1;
    }
  }
  return i;
}

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, flatten(MESSAGES[l] as Tree)])) as Record<(typeof LOCALES)[number], Map<string, string>>;

describe("message catalogues", () => {
  it("have the same keys in every language", () => {
    const en = [...catalogues.en.keys()].sort();
    for (const locale of LOCALES) expect([...catalogues[locale].keys()].sort(), locale).toEqual(en);
  });

  it("use the same ICU placeholders and tags in every language", () => {
    const mismatched: string[] = [];
    for (const [key, en] of catalogues.en)
      for (const locale of LOCALES) {
        const other = catalogues[locale].get(key);
        if (other !== undefined && placeholders(other).join() !== placeholders(en).join()) mismatched.push(`${locale}:${key}`);
      }
    expect(mismatched).toEqual([]);
  });

  it("have no empty message", () => {
    for (const locale of LOCALES) expect([...catalogues[locale]].filter(([, text]) => !text.trim()).map(([k]) => k)).toEqual([]);
  });

  it("parse as ICU in every language", () => {
    for (const locale of LOCALES) {
      const t = translatorFor(locale);
      for (const [key, text] of catalogues[locale]) {
        const values = Object.fromEntries(placeholders(text).map((p) => (p.startsWith("<") ? [p.slice(1, -1), (c: string) => c] : [p, 2])));
        const call = (text.includes("<") ? t.rich : t) as (k: string, v: Record<string, unknown>) => unknown;
        expect(() => call(key, values), `${locale}:${key}`).not.toThrow();
      }
    }
  });

  it("choose plural and select branches per language", () => {
    const en = translatorFor("en");
    const vi = translatorFor("vi");
    expect(en("inbox.linkLabel", { count: 0 })).toBe("Inbox");
    expect(en("inbox.linkLabel", { count: 3 })).toBe("Inbox, 3 unread");
    expect(vi("inbox.linkLabel", { count: 3 })).toBe("Hộp thư, 3 chưa đọc");
    const review = { kind: "review", who: "Lan", target: "annotation", status: "REJECTED" };
    expect(en("inbox.notification", review)).toBe("Lan rejected your claim");
    expect(vi("inbox.notification", review)).toBe("Lan đã từ chối nhận định của bạn");
  });
});

describe("formats", () => {
  const day = new Date(Date.UTC(2026, 11, 2, 12));
  it.each([
    ["vi", "02/12/2026"],
    ["en", "12/02/2026"],
  ] as const)("a short date in %s is %s", (locale, expected) => {
    const format = createFormatter({ locale, formats: FORMATS, timeZone: "UTC" });
    expect(format.dateTime(day, "short")).toBe(expected);
  });
  it("numbers group per language", () => {
    expect(createFormatter({ locale: "vi" }).number(1234567.5)).toBe("1.234.567,5");
    expect(createFormatter({ locale: "en" }).number(1234567.5)).toBe("1,234,567.5");
  });
});

describe("placeholders", () => {
  it.each([
    ["Hello", []],
    ["You are {role} here", ["role"]],
    ["{count, plural, one {# claim} other {# claims}} by {name}", ["count", "name"]],
    ["{count, plural, one {claim} other {{kind} claims}}", ["count", "kind"]],
    ["{n, number} on {when, date, short}", ["n", "when"]],
    ["<link>queue</link> and <b>bold</b>", ["<b>", "<link>"]],
  ])("%s", (message, expected) => {
    expect(placeholders(message)).toEqual(expected);
  });
});
