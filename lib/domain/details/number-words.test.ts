import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readNumberWords } from "./number-words";
import { tokenize } from "./tokens";

/** The number read at the start of the text and the text left after it, or null. */
function read(text: string): [number, string] | null {
  const tokens = tokenize(text);
  const r = readNumberWords(tokens, 0);
  if (!r) return null;
  const next = tokens[r.next];
  return [r.value, next ? text.slice(next.start) : ""];
}

describe("readNumberWords", () => {
  const vi: [string, number, string][] = [
    ["một", 1, ""],
    ["năm", 5, ""],
    ["mười", 10, ""],
    ["mười một", 11, ""],
    ["mười lăm", 15, ""],
    ["mười tư", 14, ""],
    ["hai mươi", 20, ""],
    ["hai mươi mốt", 21, ""],
    ["hai mươi tư", 24, ""],
    ["hai mươi lăm", 25, ""],
    ["hai mươi nhăm", 25, ""],
    ["chín mươi chín", 99, ""],
    ["hai chục", 20, ""],
    ["một trăm", 100, ""],
    ["một trăm linh năm", 105, ""],
    ["một trăm lẻ một", 101, ""],
    ["một trăm mười", 110, ""],
    ["một trăm hai", 120, ""], // spoken shorthand for một trăm hai mươi
    ["một trăm mốt", 110, ""],
    ["hai trăm rưỡi", 250, ""],
    ["ba nghìn", 3000, ""],
    ["ba ngàn", 3000, ""],
    ["ba nghìn hai", 3200, ""],
    ["một nghìn không trăm linh năm", 1005, ""],
    ["hai nghìn lẻ năm", 2005, ""],
    ["hai triệu rưỡi", 2_500_000, ""],
    ["nửa triệu", 500_000, ""],
    ["một tỷ", 1e9, ""],
    ["một tỉ hai trăm triệu", 1_200_000_000, ""],
    ["ba nghìn tỷ", 3e12, ""],
    ["Hai Mươi Lăm UAV", 25, "UAV"],
    ["mười năm tù", 10, "năm tù"],
    ["hai mươi năm", 20, "năm"],
    ["hai trăm năm", 200, "năm"],
    ["năm năm", 5, "năm"],
    ["năm UAV", 5, "UAV"],
  ];
  const en: [string, number, string][] = [
    ["one", 1, ""],
    ["Five", 5, ""],
    ["eleven", 11, ""],
    ["nineteen", 19, ""],
    ["twenty", 20, ""],
    ["twenty-five", 25, ""],
    ["twenty five", 25, ""],
    ["ninety-nine", 99, ""],
    ["a hundred", 100, ""],
    ["one hundred and five", 105, ""],
    ["one hundred five", 105, ""],
    ["twelve hundred", 1200, ""],
    ["a thousand", 1000, ""],
    ["three thousand", 3000, ""],
    ["one thousand and five", 1005, ""],
    ["three hundred thousand", 300_000, ""],
    ["two million", 2e6, ""],
    ["one billion", 1e9, ""],
    ["a dozen", 12, ""],
    ["two dozen", 24, ""],
    ["half a dozen eggs", 6, "eggs"],
    ["half a million", 500_000, ""],
    ["one and a half million", 1_500_000, ""],
    ["two and a half", 2.5, ""],
    ["zero", 0, ""],
    ["five and", 5, "and"],
    ["twenty-", 20, "-"],
    ["five attack drones", 5, "attack drones"],
  ];
  it.each(vi)("vi: %s → %d, then %j", (text, value, rest) => expect(read(text)).toEqual([value, rest]));
  it.each(en)("en: %s → %d, then %j", (text, value, rest) => expect(read(text)).toEqual([value, rest]));

  it.each([
    ["vi: không alone means no", "không UAV nào"],
    ["vi: tư only follows mươi", "tư"],
    ["vi: lăm only follows mười/mươi", "lăm"],
    ["vi: mươi needs a digit", "mươi"],
    ["vi: a scale word needs a number", "trăm người"],
    ["vi: trạm is station, not hundred", "trạm radar"],
    ["vi: words need their diacritics", "tram"],
    ["vi: linh needs a hundred", "linh năm"],
    ["en: a alone is not a count", "a drone"],
    ["en: hundred needs a number", "hundred"],
    ["en: dozen needs a number", "dozen"],
    ["en: not a number word", "many"],
  ])("%s: %s → null", (_why, text) => expect(read(text)).toBeNull());
});

// Spellers independent of the parser, with the optional variants editors use.
const VI_UNITS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
type Pick = (a: string, b: string) => string;

/** The word for n in a speller table; a missing entry is a bug in the speller, not in the parser. */
function spelled(table: readonly string[], n: number): string {
  const word = table[n];
  if (word === undefined) throw new Error(`the speller has no word for ${n}`);
  return word;
}

function viBelow100(n: number, pick: Pick): string {
  if (n < 10) return spelled(VI_UNITS, n);
  const unit = n % 10;
  if (n < 20) return unit === 0 ? "mười" : `mười ${unit === 5 ? "lăm" : spelled(VI_UNITS, unit)}`;
  const tail = unit === 0 ? "" : ` ${unit === 1 ? "mốt" : unit === 4 ? pick("tư", "bốn") : unit === 5 ? pick("lăm", "nhăm") : spelled(VI_UNITS, unit)}`;
  return `${spelled(VI_UNITS, Math.floor(n / 10))} mươi${tail}`;
}

function viBelow1000(n: number, full: boolean, pick: Pick): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0 && !full) return viBelow100(rest, pick);
  const head = `${hundreds === 0 ? "không" : spelled(VI_UNITS, hundreds)} trăm`;
  if (rest === 0) return head;
  return rest < 10 ? `${head} ${pick("linh", "lẻ")} ${spelled(VI_UNITS, rest)}` : `${head} ${viBelow100(rest, pick)}`;
}

function spellVi(n: number, pick: Pick): string {
  const parts: string[] = [];
  const scales: [number, string][] = [
    [1e9, pick("tỷ", "tỉ")],
    [1e6, "triệu"],
    [1e3, pick("nghìn", "ngàn")],
    [1, ""],
  ];
  for (const [scale, word] of scales) {
    const group = Math.floor(n / scale) % 1000;
    if (group === 0) continue;
    parts.push(`${viBelow1000(group, parts.length > 0, pick)} ${word}`.trim());
  }
  return parts.join(" ");
}

const EN_UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function enBelow1000(n: number, pick: Pick): string {
  const below100 = (m: number) =>
    m < 20 ? spelled(EN_UNITS, m) : spelled(EN_TENS, Math.floor(m / 10)) + (m % 10 ? pick("-", " ") + spelled(EN_UNITS, m % 10) : "");
  const hundreds = Math.floor(n / 100);
  if (hundreds === 0) return below100(n);
  return `${spelled(EN_UNITS, hundreds)} hundred${n % 100 ? pick(" and ", " ") + below100(n % 100) : ""}`;
}

function spellEn(n: number, pick: Pick): string {
  if (n === 0) return "zero";
  const parts: string[] = [];
  for (const [scale, word] of [
    [1e9, "billion"],
    [1e6, "million"],
    [1e3, "thousand"],
    [1, ""],
  ] as const) {
    const group = Math.floor(n / scale) % 1000;
    if (group === 0) continue;
    const and = scale === 1 && parts.length > 0 && group < 100 ? pick("and ", "") : "";
    parts.push(`${and}${enBelow1000(group, pick)} ${word}`.trim());
  }
  return parts.join(" ");
}

const choices = fc.array(fc.boolean(), { minLength: 1, maxLength: 12 });
const picker = (flags: boolean[]): Pick => {
  let k = 0;
  return (a, b) => (flags[k++ % flags.length] ? a : b);
};

describe("spelled numbers read back", () => {
  it("spells a handful of known compounds as Vietnamese and English do", () => {
    const first: Pick = (a) => a;
    expect(spellVi(1_005, first)).toBe("một nghìn không trăm linh năm");
    expect(spellVi(21_425, first)).toBe("hai mươi mốt nghìn bốn trăm hai mươi lăm");
    expect(spellEn(1_005, first)).toBe("one thousand and five");
    expect(spellEn(342_071, first)).toBe("three hundred and forty-two thousand and seventy-one");
  });

  it("vi: every number from 1 to 10^9 spelled in words reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), choices, (n, flags) => {
        expect(read(`${spellVi(n, picker(flags))} UAV`)).toEqual([n, "UAV"]);
      }),
      { numRuns: 500 },
    );
  });

  it("en: every number from 0 to 10^9 spelled in words reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), choices, (n, flags) => {
        expect(read(`${spellEn(n, picker(flags))} drones`)).toEqual([n, "drones"]);
      }),
      { numRuns: 500 },
    );
  });
});
