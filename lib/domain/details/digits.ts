// Numbers written in digits, with "." or "," as the thousands separator (Vietnamese copy uses
// "1.000,5", English copy "1,000.5", and editors paste both).
//
// The rule: a separator followed by exactly three digits is a thousands separator, otherwise it is
// the decimal mark. When both marks appear, the last one is the decimal mark and must appear once.
// So "1.000" = "1,000" = 1000, "1,5" = "1.5" = 1.5, "12.5" = 12.5, "1,000.5" = "1.000,5" = 1000.5.
// "0.500" is 0.5 (no one groups a leading zero) and "1234.567" fails: it cannot be grouping
// (the head has four digits) and three decimals would be an odd way to write a count.

import { type ParseProblem, problem, problemText } from "./problems";

/** A digit string's value as an integer mantissa and a count of decimals, so scaling stays exact. */
export type DigitNumber = { mantissa: number; decimals: number };
export type DigitRead = { ok: true; value: DigitNumber } | { ok: false; reason: string; problem: ParseProblem };

const cannotRead = (text: string): DigitRead => {
  const why = problem("badDigits", { text });
  return { ok: false, reason: problemText(why), problem: why };
};

const grouped = (text: string, mark: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${mark}\\d{3})+$`).test(text);

function decimal(intPart: string, fraction: string): DigitNumber {
  return { mantissa: Number(intPart + fraction), decimals: fraction.length };
}

/** Read a run of digits with optional "." / "," marks (see the rule above). */
export function readDigits(text: string): DigitRead {
  const marks: string[] = text.match(/[.,]/g) ?? [];
  const last = marks.at(-1);
  if (last === undefined) return { ok: true, value: { mantissa: Number(text), decimals: 0 } };
  if (new Set(marks).size === 2) {
    const at = text.lastIndexOf(last);
    const intPart = text.slice(0, at);
    const other = last === "." ? "," : ".";
    if (marks.indexOf(last) !== marks.length - 1 || !grouped(intPart, other)) return cannotRead(text);
    return { ok: true, value: decimal(intPart.split(other).join(""), text.slice(at + 1)) };
  }
  if (marks.length > 1) {
    return grouped(text, last) ? { ok: true, value: { mantissa: Number(text.split(last).join("")), decimals: 0 } } : cannotRead(text);
  }
  // A single mark: the digits before it and after it.
  const at = text.indexOf(last);
  const head = text.slice(0, at);
  const tail = text.slice(at + 1);
  if (tail.length === 3) {
    if (grouped(text, last)) return { ok: true, value: { mantissa: Number(head + tail), decimals: 0 } };
    if (head.length > 3) return cannotRead(text);
  }
  return { ok: true, value: decimal(head, tail) };
}

/** The value of a digit number times a scale, exact whenever the result is a whole number. */
export function scaleDigits(n: DigitNumber, scale: number): number {
  return (n.mantissa * scale) / 10 ** n.decimals;
}
