import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findHardCodedText } from "@/lib/i18n/hard-coded-text";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Files not yet moved to the catalogues. This list may only shrink: a listed file that no longer
 * has hard-coded text fails the test until it is taken off, and a file not listed fails on its
 * first hard-coded string.
 */
const NOT_YET_CONVERTED = new Set<string>([]);

/** Files that cannot use the catalogues, with the reason. */
const EXEMPT = new Map<string, string>([
  ["app/global-error.tsx", "replaces the root layout, so it renders without the message provider"],
  ["app/w/[slug]/api-docs/operation-card.tsx", "the API reference shows the OpenAPI document's own English text"],
]);

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsxFiles(rel);
    return entry.name.endsWith(".tsx") ? [rel] : [];
  });
}

const files = [...tsxFiles("app"), ...tsxFiles("components")].sort();
const scanned = new Map<string, ReturnType<typeof findHardCodedText>>();
function scan(rel: string) {
  let hits = scanned.get(rel);
  if (!hits) {
    hits = findHardCodedText(fs.readFileSync(path.join(ROOT, rel), "utf8"), rel);
    scanned.set(rel, hits);
  }
  return hits;
}

describe("no hard-coded user-visible text outside the catalogues", () => {
  it.each(files.filter((f) => !NOT_YET_CONVERTED.has(f) && !EXEMPT.has(f)))("%s", (rel) => {
    expect(scan(rel).map((h) => `${rel}:${h.line} ${JSON.stringify(h.text)}`)).toEqual([]);
  });

  it("the not-yet-converted list only names files that exist and still have hard-coded text", () => {
    const stale = [...NOT_YET_CONVERTED].filter((rel) => !files.includes(rel) || scan(rel).length === 0);
    expect(stale).toEqual([]);
  }, 30_000);
});

describe("findHardCodedText", () => {
  it.each([
    ["JSX text", "<p>Sign in</p>", ["Sign in"]],
    ["a text prop", '<input placeholder="Search claims" />', ["Search claims"]],
    ["aria-label in braces", '<nav aria-label={"Workspace"} />', ["Workspace"]],
    ["both branches of ?:", '<b>{busy ? "Saving…" : "Save"}</b>', ["Saving…", "Save"]],
    ["a template literal child", "<b>{`Leave ${" + "name}?`}</b>", ["Leave  ?"]],
    ["a catalogue call", '<p>{t("title")}</p>', []],
    ["class names and ids", '<div className="flex gap-2" id="main" data-testid="x" />', []],
    ["a condition", '<p>{mode === "login" ? t("a") : t("b")}</p>', []],
    ["punctuation and the brand", "<p>{a} · {b} … <b>Claimboard</b></p>", []],
  ])("%s", (_name, jsx, expected) => {
    expect(findHardCodedText(`const x = ${jsx};`).map((h) => h.text)).toEqual(expected);
  });
});
