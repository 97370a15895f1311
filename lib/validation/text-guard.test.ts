import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toErrorBody } from "@/lib/server/errors";
import { assertStorableText, findTextProblem, printable, storableText, textProblem } from "@/lib/validation/text-guard";

const ROCKET = "🚀"; // U+1F680: the pair D83D DE80
const [HIGH, LOW] = [ROCKET.charAt(0), ROCKET.charAt(1)];

/** Whether UTF-8 can carry `s` unchanged: the oracle the guard must agree with. */
const survivesUtf8 = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s)) === s;

describe("textProblem", () => {
  it.each([
    ["plain text", "Kim visits the cosmodrome", null],
    ["Vietnamese, NFC and NFD", "Nhượng bộ / Nhu\u031Bo\u0323\u0302ng", null],
    ["emoji, flags, ZWJ sequences", `${ROCKET} 🇻🇳 👩‍👩‍👧`, null],
    ["U+FFFD itself", "bad \uFFFD byte", null],
    ["other control characters", "tab\tbell\u0007", null],
    ["a NUL", "Kim\u0000", "nul"],
    ["a NUL alone", "\u0000", "nul"],
    ["a high surrogate alone", `Kim ${HIGH}`, "surrogate"],
    ["a low surrogate alone", `${LOW} Kim`, "surrogate"],
    ["a pair reversed", `${LOW}${HIGH}`, "surrogate"],
    ["a NUL and a lone surrogate", `\u0000${HIGH}`, "nul"],
  ])("%s → %s", (_label, s, expected) => {
    expect(textProblem(s)).toBe(expected);
  });

  it("agrees with a UTF-8 round trip on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => (textProblem(s) === null) === (survivesUtf8(s) && !s.includes("\u0000"))),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe("findTextProblem", () => {
  it("names the path of the first bad string, through objects and arrays", () => {
    expect(findTextProblem({ speakers: [{ name: "Kim" }, { name: `Kim${HIGH}` }] })).toEqual({ path: ["speakers", 1, "name"], problem: "surrogate" });
    expect(findTextProblem({ a: "ok", b: { c: ["x", "y\u0000"] } })).toEqual({ path: ["b", "c", 1], problem: "nul" });
    expect(findTextProblem("\u0000", ["q"])).toEqual({ path: ["q"], problem: "nul" });
    expect(findTextProblem({ fine: [1, true, null, ROCKET] })).toBeNull();
  });

  it("checks keys, and shows a bad key escaped", () => {
    expect(findTextProblem({ "na\u0000me": "Kim" })).toEqual({ path: ["na\\u0000me"], problem: "nul" });
    expect(printable(`x${HIGH}`)).toBe("x\\ud83d");
  });

  it("checks the text fields of FormData and leaves files to their decoder", () => {
    const form = new FormData();
    form.set("file", new File(["\u0000 bytes are the decoder's job"], "a.jsonl"));
    form.set("kind", "articles");
    expect(findTextProblem(form)).toBeNull();
    form.set("kind", "arti\u0000cles");
    expect(findTextProblem(form)).toEqual({ path: ["kind"], problem: "nul" });
  });

  it("walks any depth JSON.parse accepts without overflowing the stack", () => {
    const depth = 100_000;
    const deep = JSON.parse(`${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`);
    expect(findTextProblem(deep)?.path).toHaveLength(depth);
  });

  it("finds a problem in a JSON value exactly when one of its strings or keys cannot go through UTF-8", () => {
    const strings: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === "string") strings.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          strings.push(k);
          collect(x);
        }
    };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }), (value) => {
        strings.length = 0;
        collect(value);
        const clean = strings.every((s) => survivesUtf8(s) && !s.includes("\u0000"));
        return (findTextProblem(value) === null) === clean;
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe("assertStorableText and storableText", () => {
  it("answer like any field error: 422 with the field named", () => {
    let thrown: unknown;
    try {
      assertStorableText({ fields: { quantities: [{ value: "năm\u0000" }] } });
    } catch (err) {
      thrown = err;
    }
    const { status, error } = toErrorBody(thrown);
    expect(status).toBe(422);
    expect(error.code).toBe("validation");
    expect(error.message).toMatch(/^fields\.quantities\.0\.value: Contains a NUL character/);
    expect(error.details?.fields).toEqual({ "fields.quantities.0.value": expect.stringMatching(/^Contains a NUL character \(U\+0000\)/) });
    expect(() => assertStorableText({ title: `Kim ${ROCKET}` })).not.toThrow();
  });

  it("refuses in a zod schema, for forms parsed outside the choke points", () => {
    const schema = z.object({ name: z.string().superRefine(storableText) });
    expect(schema.safeParse({ name: `Kim ${ROCKET}` }).success).toBe(true);
    const refused = schema.safeParse({ name: `Kim ${LOW}` });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["name"], message: expect.stringMatching(/unpaired surrogate/) });
  });
});
