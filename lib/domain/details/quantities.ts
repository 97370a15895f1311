// Counts as editors write them ("5 UAV tấn công", "hơn 1.000 quân", "hàng chục tên lửa"), read
// into ranges so "5" and "năm" agree and "more than 1,000" vs "1,000" does not. A text whose
// count cannot be told ("nhiều", "many", "một số") fails with a reason rather than a guess.
import { readDigits, scaleDigits, type DigitNumber } from "./digits";
import { readNumberWords, SCALE_WORDS } from "./number-words";
import {
  FILLERS,
  FRACTION_WORDS,
  NOT_COUNTS,
  POSTFIX_QUALIFIERS,
  PREFIX_QUALIFIERS,
  RANGE_JOINS,
  readVague,
  type PostQualifier,
  type Qualifier,
} from "./quantity-phrases";
import { type ParseProblem, problem, problemText } from "./problems";
import { longestPhrase, phraseLength, tokenize, type Token } from "./tokens";

export { NO_NUMBER } from "./problems";

/**
 * A count known exactly (min === max) or as a range; max may be Infinity ("more than 1,000").
 * An exclusive bound excludes its own value: "more than 1,000" is min 1,000 with minExclusive,
 * so it disagrees with 1,000 and agrees with 1,001 (also for non-whole amounts like 2,5 km).
 */
export type Quantity = { min: number; max: number; approximate: boolean; minExclusive?: boolean; maxExclusive?: boolean };
/** A failure has the problem as a code with values (for the interface) and in English (`reason`, for the API). */
export type QuantityParse = { ok: true; value: Quantity; item: string } | Fail;
export type QuantityItems = { ok: true; items: { quantity: Quantity; item: string; raw: string }[] } | Fail;

type Amount = { value: number; next: number; scale: number; digits: DigitNumber | null };
type Fail = { ok: false; reason: string; problem: ParseProblem };
const fail = (p: ParseProblem): Fail => ({ ok: false, reason: problemText(p), problem: p });
const isFail = (x: unknown): x is Fail => typeof x === "object" && x !== null && (x as Fail).ok === false;

/** The value of the token's scale word ("nghìn", "million"), or undefined when there is no token or it is not one. */
function scaleOf(token: Token | undefined): number | undefined {
  return token === undefined ? undefined : SCALE_WORDS.get(token.lower);
}

/** Parse a count with optional item words: digits with either thousands separator, or vi/en number words. */
export function parseQuantity(raw: string): QuantityParse {
  const text = raw.normalize("NFC");
  const tokens = tokenize(text);
  let i = 0;
  for (let filler = longestPhrase(tokens, i, FILLERS); filler; filler = longestPhrase(tokens, i, FILLERS)) i += filler.length;
  const prefix = longestPhrase(tokens, i, PREFIX_QUALIFIERS);
  const qualifier: Qualifier | null = prefix?.value ?? null;
  if (prefix) i += prefix.length + (tokens[i + prefix.length]?.text === "." ? 1 : 0); // "approx. 100"
  if (longestPhrase(tokens, i, NOT_COUNTS)) return fail(problem("noNumber", {}));

  const core = readCore(tokens, i, qualifier);
  if (isFail(core)) return core;
  const guard = checkAfterCount(tokens, core.next);
  if (guard) return fail(guard);
  const { post, next, end } = readPostQualifier(tokens, core.next);
  if (post === "vague") return fail(problem("vague", { text: text.trim() }));
  const ranged = qualifier === "from" || qualifier === "between";
  if (post && qualifier && !ranged) return fail(problem("twoQualifiers", { text: text.trim() }));

  const value = qualify({ min: core.min, max: core.max, approximate: core.vague }, ranged ? post : (qualifier ?? post));
  if ("code" in value) return fail(value);
  let item = text.slice(tokens[next]?.start ?? text.length, tokens[end]?.start ?? text.length);
  // "dozens of drones", "a thousand of them": the "of" belongs to the count, not the item.
  if (core.vague || SCALE_WORDS.has(tokens[next - 1]?.lower ?? "")) item = item.replace(/^\s*of\s+/iu, "");
  return { ok: true, value, item: item.replace(/^[\s,.;:!?–—-]+|[\s,.;:!?]+$/gu, "") };
}

/** The count itself: a vague amount, a number, or a range of two numbers. */
function readCore(tokens: Token[], i: number, qualifier: Qualifier | null): { min: number; max: number; next: number; vague: boolean } | Fail {
  const vague = readVague(tokens, i);
  if (vague) return { ...vague, vague: true };
  const first = readAmount(tokens, i);
  if (isFail(first)) return first;
  if (first === null) return fail(problem(tokens.slice(i).some(startsNumber) ? "notFirst" : "noNumber", {}));
  const range = readRangeEnd(tokens, first, qualifier);
  return isFail(range) ? range : { ...range, vague: false };
}

/** A qualifier right after the count ("100 người trở lên") or ending the item ("5 UAV trở lên"); end is where the item stops. */
function readPostQualifier(tokens: Token[], from: number): { post: PostQualifier | null; next: number; end: number } {
  const right = longestPhrase(tokens, from, POSTFIX_QUALIFIERS);
  if (right) return { post: right.value, next: from + right.length, end: tokens.length };
  for (const [phrase, value] of POSTFIX_QUALIFIERS) {
    const words = phrase.split(" ").length;
    const at = tokens.length - words;
    // "odd" ending an item is a word of the item, not a qualifier of the count.
    if (value !== "vague" && at > from && phraseLength(tokens, at, phrase) === words) return { post: value, next: from, end: at };
  }
  return { post: null, next: from, end: tokens.length };
}

function startsNumber(t: Token, at: number, rest: Token[]): boolean {
  return t.kind === "digits" || readNumberWords(rest, at) !== null;
}

/** A number at tokens[i] in digits (with scale words) or words; null when there is none. */
function readAmount(tokens: Token[], i: number): Amount | Fail | null {
  const token = tokens[i];
  if (token?.kind === "word") {
    const words = readNumberWords(tokens, i);
    return words && { value: words.value, next: words.next, scale: words.scale, digits: null };
  }
  if (token?.kind !== "digits") return null;
  const digits = readDigits(token.text);
  if (!digits.ok) return digits;
  let next = i + 1;
  let scale = 1;
  // The scale of the last scale word read: "rưỡi" after it adds half of it ("2 triệu rưỡi").
  let lastWord = 1;
  for (let s = scaleOf(tokens[next]); s !== undefined; s = scaleOf(tokens[++next])) {
    scale *= s;
    lastWord = s;
  }
  let value = scaleDigits(digits.value, scale);
  if (scale > 1 && tokens[next]?.lower === "rưỡi") {
    value += lastWord / 2;
    next++;
  }
  // "3 triệu 200 nghìn": further parts in digits, each with a smaller scale word.
  let last = scale;
  for (;;) {
    const partDigits = tokens[next];
    const partScale = scaleOf(tokens[next + 1]);
    if (partDigits?.kind !== "digits" || partScale === undefined) break;
    const part = readDigits(partDigits.text);
    if (!part.ok || partScale >= last) break;
    value += scaleDigits(part.value, partScale);
    last = partScale;
    next += 2;
  }
  return { value, next, scale, digits: scale === 1 ? digits.value : null };
}

/** The range that starts with `first`: "20-30", "từ 20 đến 30", "between 20 and 30", or just `first`. */
function readRangeEnd(tokens: Token[], first: Amount, qualifier: Qualifier | null): { min: number; max: number; next: number } | Fail {
  const join = tokens[first.next]?.lower ?? "";
  const joins = qualifier === "between" ? join === "and" || join === "-" || join === "–" : RANGE_JOINS.has(join);
  const second = joins ? readAmount(tokens, first.next + 1) : null;
  if (isFail(second)) return second;
  if (second === null) {
    if (qualifier === "from" || qualifier === "between") {
      return fail(problem("rangeNeedsTwo", {}));
    }
    return { min: first.value, max: first.value, next: first.next };
  }
  // "20-30 nghìn", "1,5-2 triệu": a scale written once applies to both ends when that keeps them in order.
  let min = first.value;
  if (first.scale === 1 && second.scale > 1) {
    const scaled = first.digits ? scaleDigits(first.digits, second.scale) : first.value * second.scale;
    if (scaled <= second.value) min = scaled;
  }
  if (min > second.value) return fail(problem("rangeBackwards", { min: String(min), max: String(second.value) }));
  return { min, max: second.value, next: second.next };
}

/** Why what follows a count makes it unreadable, or null. */
function checkAfterCount(tokens: Token[], next: number): ParseProblem | null {
  const after = tokens[next];
  const before = tokens[next - 1];
  // Nothing follows, or no count precedes it.
  if (!after || !before) return null;
  const following = tokens[next + 1];
  if (after.kind === "digits") {
    // "5 000", "năm 2023": a second number that is not a glued unit ("3 155mm" is fine).
    const glued = following?.kind === "word" && following.start === after.end;
    if (before.lower === "năm" && /^\d{4}$/.test(after.text)) return problem("yearNotCount", { year: after.text });
    if (!glued) return problem("twoNumbers", { first: before.text, second: after.text });
  }
  if ((after.text === "/" || after.text === ":") && following?.kind === "digits" && after.start === before.end) {
    return problem("notACount", { text: `${before.text}${after.text}${following.text}` });
  }
  if (FRACTION_WORDS.has(after.lower)) return problem("fraction", {});
  return null;
}

function qualify(q: Quantity, how: Qualifier | PostQualifier | null): Quantity | ParseProblem {
  if (how === null) return q;
  if (how === "about") return { ...q, approximate: true };
  if (q.min !== q.max || q.approximate) return problem("qualifierNeedsOne", {});
  const n = q.min;
  switch (how) {
    case "more":
      return { min: n, max: Infinity, approximate: false, minExclusive: true };
    case "atLeast":
      return { min: n, max: Infinity, approximate: false };
    case "nearly":
      return { min: n - n / 10, max: n, approximate: true };
    case "upTo":
      return { min: 0, max: n, approximate: false };
    case "under":
      return { min: 0, max: n, approximate: false, maxExclusive: true };
    default:
      return q;
  }
}

/** Split "5 UAV tấn công; 1 UAV trinh sát" (separators ; or newline, also " và " / " and " / ", " between two counted items) into items. */
export function parseQuantityItems(raw: string): QuantityItems {
  const items: { quantity: Quantity; item: string; raw: string }[] = [];
  const segments = raw
    .normalize("NFC")
    .split(/[;\n]/)
    .flatMap(splitCounted)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (segments.length === 0) return fail(problem("noNumber", {}));
  for (const [k, segment] of segments.entries()) {
    const parsed = parseQuantity(segment);
    if (!parsed.ok) return fail(segments.length === 1 ? parsed.problem : problem("part", { n: String(k + 1), segment }, parsed.problem));
    items.push({ quantity: parsed.value, item: parsed.item, raw: segment });
  }
  return { ok: true, items };
}

// Splits at "và"/"and"/", " only where the left part is a count with item words and the right
// part starts with a count, so "between 20 and 30 drones" and "1,5 triệu" stay whole.
function splitCounted(segment: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of segment.matchAll(/\s+(?:và|and)\s+|,\s+/giu)) {
    const left = parseQuantity(segment.slice(from, m.index));
    if (left.ok && left.item !== "" && parseQuantity(segment.slice(m.index + m[0].length)).ok) {
      parts.push(segment.slice(from, m.index));
      from = m.index + m[0].length;
    }
  }
  parts.push(segment.slice(from));
  return parts;
}

type Bounds = { lo: number; hi: number; loOpen: boolean; hiOpen: boolean };

// Approximate single values ("about 100") stretch ±10%; ranges already carry their vagueness.
function bounds(q: Quantity): Bounds {
  const point = q.approximate && q.min === q.max && Number.isFinite(q.min);
  const slack = point ? Math.abs(q.min) / 10 : 0;
  return { lo: q.min - slack, hi: q.max + slack, loOpen: !point && !!q.minExclusive, hiOpen: !point && !!q.maxExclusive };
}

/** Whether two quantities can describe the same count (ranges overlap; approximate values allow ±10%). */
export function quantitiesAgree(a: Quantity, b: Quantity): boolean {
  const x = bounds(a);
  const y = bounds(b);
  const [lo, loOpen] = x.lo > y.lo ? [x.lo, x.loOpen] : y.lo > x.lo ? [y.lo, y.loOpen] : [x.lo, x.loOpen || y.loOpen];
  const [hi, hiOpen] = x.hi < y.hi ? [x.hi, x.hiOpen] : y.hi < x.hi ? [y.hi, y.hiOpen] : [x.hi, x.hiOpen || y.hiOpen];
  return lo < hi || (lo === hi && !loOpen && !hiOpen);
}

/** Short human text: "5", "1,000", "20–99", "more than 1,000", "about 5". */
export function describeQuantity(q: Quantity, lang: "en" | "vi" = "en"): string {
  const n = (x: number) => formatNumber(x, lang);
  const vi = lang === "vi";
  if (q.max === Infinity) return `${q.minExclusive ? (vi ? "hơn" : "more than") : vi ? "ít nhất" : "at least"} ${n(q.min)}`;
  if (q.min === q.max) return q.approximate ? `${vi ? "khoảng" : "about"} ${n(q.min)}` : n(q.min);
  if (q.min === 0) return `${q.maxExclusive ? (vi ? "dưới" : "less than") : vi ? "tối đa" : "up to"} ${n(q.max)}`;
  return `${n(q.min)}–${n(q.max)}`;
}

function formatNumber(x: number, lang: "en" | "vi"): string {
  const digits = String(x);
  const dot = digits.indexOf(".");
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  const fraction = dot < 0 ? undefined : digits.slice(dot + 1);
  const [group, point] = lang === "vi" ? [".", ","] : [",", "."];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction === undefined ? grouped : `${grouped}${point}${fraction}`;
}
