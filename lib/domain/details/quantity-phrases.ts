// The words around a count: qualifiers ("hơn", "at least"), vague amounts ("hàng chục",
// "thousands of") and fillers. Phrases are lower-case, space-separated, with diacritics.
import { longestPhrase, type Token } from "./tokens";
import { lookupTable } from "./lookup-table";

/** What a qualifier before the number does to it. */
export type Qualifier = "more" | "atLeast" | "about" | "nearly" | "upTo" | "under" | "from" | "between";
/** What a qualifier after the number does to it; "vague" ones ("20-odd") cannot be turned into a range. */
export type PostQualifier = "atLeast" | "upTo" | "about" | "vague";

const phrases = <T extends string>(table: Record<T, string[]>): ReadonlyMap<string, T> =>
  new Map(Object.entries<string[]>(table).flatMap(([value, list]) => list.map((p): [string, T] => [p, value as T])));

// "lên tới" / "up to" is read as the upper bound [0, n]. Vietnamese copy often uses "lên tới"
// for "as many as" (about n itself); the bound still contains n, so it never invents a conflict.
export const PREFIX_QUALIFIERS = phrases<Qualifier>({
  more: ["hơn", "trên", "more than", "over", "greater than"],
  atLeast: ["ít nhất", "tối thiểu", "không dưới", "không ít hơn", "at least", "no fewer than", "no less than"],
  about: [
    "khoảng",
    "chừng",
    "khoảng chừng",
    "ước tính",
    "ước chừng",
    "ước khoảng",
    "xấp xỉ",
    "trên dưới",
    "cỡ",
    "about",
    "around",
    "approximately",
    "approx",
    "roughly",
    "some",
    "an estimated",
    "estimated",
    "~",
    "≈",
  ],
  nearly: ["gần", "nearly", "almost", "close to"],
  upTo: ["tới", "lên tới", "lên đến", "tối đa", "không quá", "up to", "as many as", "at most", "no more than"],
  under: ["dưới", "chưa đến", "chưa tới", "không đến", "không tới", "ít hơn", "less than", "fewer than", "under", "below"],
  from: ["từ", "from"],
  between: ["between"],
});

export const POSTFIX_QUALIFIERS = phrases<PostQualifier>({
  atLeast: ["+", "trở lên", "hoặc hơn", "or more", "and more", "or above", "and above"],
  upTo: ["trở xuống", "or fewer", "or less", "or below", "and below"],
  about: ["or so"],
  vague: ["odd", "- odd", "có lẻ", "something", "- something"],
});

/** Words that join the two ends of a range; "and" only after "between". */
export const RANGE_JOINS = new Set(["-", "–", "—", "đến", "tới", "to", "or", "hoặc", "hay"]);

/** Words before a count that say nothing about it ("tổng cộng 5 UAV", "có 5 UAV"). */
export const FILLERS: ReadonlyMap<string, true> = new Map(
  ["có", "gồm", "bao gồm", "tổng cộng", "tổng số", "tổng", "tất cả", "cả", "a total of", "total of", "total", "in total", "all"].map((p) => [p, true]),
);

// "một" is one, but these phrases starting with it are not counts ("một số" = some).
export const NOT_COUNTS: ReadonlyMap<string, true> = new Map(["một số", "một nửa", "một phần", "một ít", "một chút", "một loạt"].map((p) => [p, true]));

/** Words right after a number that make it a fraction, not a count ("hai phần ba", "two thirds"). */
export const FRACTION_WORDS = new Set(["phần", "third", "thirds", "quarter", "quarters", "fifths", "tenths", "halves"]);

// Vague amounts are ranges [2·S, 10·S − 1] for a scale S: "hàng chục" (tens but not hundreds) =
// 20–99, "hàng trăm" = 200–999, "thousands" = 2,000–9,999, "vài"/"a few" (S = 1) = 2–9.
// "dozens" follows "hàng chục" (20–99) rather than multiples of twelve.
const VI_SCALES: Record<string, number> = lookupTable({ chục: 10, trăm: 100, nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 });
const EN_PLURALS: Record<string, number> = lookupTable({ dozens: 10, tens: 10, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 });
const EN_SINGULARS: Record<string, number> = lookupTable({ dozen: 10, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 });
// Heads that need a scale word after them ("hàng chục"), or may stand alone ("vài", "several").
type VagueHead = { needsScale: boolean; scales: Record<string, number> };
const VAGUE_HEADS: ReadonlyMap<string, VagueHead> = new Map([
  ["hàng", { needsScale: true, scales: VI_SCALES }],
  ["mấy", { needsScale: true, scales: VI_SCALES }],
  ["vài", { needsScale: false, scales: VI_SCALES }],
  ["một vài", { needsScale: false, scales: VI_SCALES }],
  ["dăm ba", { needsScale: false, scales: VI_SCALES }],
  ["a few", { needsScale: false, scales: EN_SINGULARS }],
  ["several", { needsScale: false, scales: EN_SINGULARS }],
]);

/** The scale a table gives the token's word, or undefined when there is no token or the word is not a scale. */
function scaleOf(scales: Record<string, number>, token: Token | undefined): number | undefined {
  return token === undefined ? undefined : scales[token.lower];
}

/** A vague amount at tokens[from] as its range and the token after it, or null. */
export function readVague(tokens: Token[], from: number): { min: number; max: number; next: number } | null {
  const range = (scale: number, next: number) => ({ min: 2 * scale, max: 10 * scale - 1, next });
  const plural = scaleOf(EN_PLURALS, tokens[from]);
  if (plural !== undefined) {
    let scale = plural;
    let next = from + 1;
    // "tens of thousands of": each further plural multiplies; a final "of" is not part of the item.
    while (tokens[next]?.lower === "of") {
      const more = scaleOf(EN_PLURALS, tokens[next + 1]);
      if (more === undefined) break;
      scale *= more;
      next += 2;
    }
    return range(scale, tokens[next]?.lower === "of" ? next + 1 : next);
  }
  const head = longestPhrase(tokens, from, VAGUE_HEADS);
  if (!head) return null;
  const { scales, needsScale } = head.value;
  let next = from + head.length;
  let scale = 1;
  for (let s = scaleOf(scales, tokens[next]); s !== undefined; s = scaleOf(scales, tokens[++next])) scale *= s;
  return scale === 1 && needsScale ? null : range(scale, next);
}
