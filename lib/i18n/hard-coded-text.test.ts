import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findEnglishInCode, findHardCodedText } from "@/lib/i18n/hard-coded-text";

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

function tsxFiles(dir: string, ext = /\.tsx$/): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsxFiles(rel, ext);
    return ext.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [rel] : [];
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

/** Modules, or one declaration of a module (`file#NAME`), whose English words in code are not interface text, with the reason. */
const CODE_EXEMPT = new Map<string, string>([
  ...EXEMPT,
  ["components/reader/modality.ts#MODALITY_HINTS", "the cue words as articles write them, in both languages, shown as they are in every interface language"],
]);
/** Modules still building interface text in English in code. This list may only shrink. */
const CODE_NOT_YET_CONVERTED = new Set<string>([]);

const codeFiles = [...tsxFiles("app", /\.tsx?$/), ...tsxFiles("components", /\.tsx?$/)].sort();
const inCode = (rel: string) => findEnglishInCode(fs.readFileSync(path.join(ROOT, rel), "utf8"), rel).filter((h) => !CODE_EXEMPT.has(`${rel}#${h.within}`));

describe("no English label maps, sentences or worded templates in interface code", () => {
  it.each(codeFiles.filter((f) => !CODE_EXEMPT.has(f) && !CODE_NOT_YET_CONVERTED.has(f)))("%s", (rel) => {
    expect(inCode(rel).map((h) => `${rel}:${h.line} ${JSON.stringify(h.text)}`)).toEqual([]);
  });

  it("each exempt declaration still exists and still has English words", () => {
    const stale = [...CODE_EXEMPT.keys()]
      .filter((key) => key.includes("#"))
      .filter((key) => {
        const [rel = "", name] = key.split("#");
        return !findEnglishInCode(fs.readFileSync(path.join(ROOT, rel), "utf8"), rel).some((h) => h.within === name);
      });
    expect(stale).toEqual([]);
  });

  it("the not-yet-converted list only names files that exist and still have English in code", () => {
    expect([...CODE_NOT_YET_CONVERTED].filter((rel) => !codeFiles.includes(rel) || inCode(rel).length === 0)).toEqual([]);
  });
});

describe("findEnglishInCode", () => {
  it.each([
    ["a label map", 'export const M = { ASSERTED: "Asserted", IN_PROGRESS: "In progress" };', ["Asserted", "In progress"]],
    ["lower-case words under enum keys", 'const M = { TODO: "to do", ALL: "all" };', ["to do"]],
    ["a map of sentences", 'const WHY = { f1: "Undefined: no claim here", self: "The same annotator" };', ["Undefined: no claim here", "The same annotator"]],
    [
      "a label and hint of an option",
      'const PLANS = [{ value: "all", label: "All to all", hint: "Every annotator gets every article." }];',
      ["All to all", "Every annotator gets every article."],
    ],
    ["a fallback name", 'const name = (id: string) => names.get(id) ?? "Former annotator";', ["Former annotator"]],
    ["a returned sentence", 'function f() { return "Not found here"; }', ["Not found here"]],
    ["a worded template", `const r = (d: string) => ({ ok: true, text: \`reads as \${d}\` });`, ["reads as …"]],
    ["a template around words", `const s = \`\${date} (reads as \${reading})\`;`, ["… (reads as …)"]],
    ["class names under enum keys", 'const S = { TODO: "bg-slate-100 text-slate-700", DONE: "bg-emerald-100" };', []],
    [
      "ids, paths and keys",
      `const a = \`\${prefix}-q\${i}-note\`; const b = \`/api/v1/workspaces/\${id}/events\`; const c = { ALL: "all", kind: "entity" };`,
      [],
    ],
    ["a class-name template", `const c = \`rounded border \${active ? "bg-white" : ""}\`;`, []],
    ["a developer error", `throw new Error(\`date pattern group \${i} did not take part in the match\`);`, []],
    ["a catalogue call", 'const x = t("sessions.status.TODO"); const y = { label: t("plan.all") };', []],
    ["one word passed on", 'const x = useState("idle"); const y = f("Claimboard");', []],
  ])("%s", (_name, code, expected) => {
    expect(findEnglishInCode(code).map((h) => h.text)).toEqual(expected);
  });
});
