import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, daysInMonth } from "./calendar";
import { compareClaimDates, describeClaimDate, formatClaimDate, NOT_A_DATE, parseClaimDate, type ClaimDate, type DatePrecision } from "./dates";

/** xs[i], failing the test when there is no such element. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, found ${xs.length} elements`);
  return x;
}

/** The canonical text and year source of a parse, or the failure reason, so tables stay one line per case. */
function read(raw: string, reference?: string): string {
  const r = parseClaimDate(raw, reference === undefined ? {} : { reference });
  return r.ok ? `${formatClaimDate(r.value)} ${r.value.yearFrom}` : `fail: ${r.reason}`;
}

function parsed(raw: string): ClaimDate {
  const r = parseClaimDate(raw);
  if (!r.ok) throw new Error(`${raw}: ${r.reason}`);
  return r.value;
}

describe("parseClaimDate without a reference date", () => {
  const vi: [string, string][] = [
    ["13/9/2023", "2023-09-13 text"],
    ["13/09/2023", "2023-09-13 text"],
    ["13/09", "--09-13 none"],
    ["13/9", "--09-13 none"],
    ["ngày 13 tháng 9 năm 2023", "2023-09-13 text"],
    ["Ngày 13/9", "--09-13 none"],
    ["hôm 13/9", "--09-13 none"],
    ["13 tháng 9", "--09-13 none"],
    ["13 tháng 9, 2023", "2023-09-13 text"],
    ["tháng 9/2023", "2023-09 text"],
    ["tháng 9 năm 2023", "2023-09 text"],
    ["tháng Chín năm 2023", "2023-09 text"],
    ["tháng Bảy", "--07 none"],
    ["tháng Giêng năm 2024", "2024-01 text"],
    ["tháng Chạp", "--12 none"],
    ["tháng Mười Một năm 2023", "2023-11 text"],
    ["tháng mười hai", "--12 none"],
    ["tháng Mười", "--10 none"],
    ["tháng Tư năm 2022", "2022-04 text"],
    ["tháng Năm năm 2022", "2022-05 text"],
    ["năm 2019", "2019 text"],
    ["13.9.2023", "2023-09-13 text"],
    ["thứ Tư, 13/9", "--09-13 none"],
    ["Thứ 4, 13/9/2023", "2023-09-13 text"],
    ["Chủ nhật, 17/9/2023", "2023-09-17 text"],
    ["vào ngày 13/9/2023", "2023-09-13 text"],
    ["sáng 13/9", "--09-13 none"],
    ["mùng 2/9/1945", "1945-09-02 text"],
    ["ngày 13/9 vừa qua", "--09-13 none"],
    ["13/9 năm 2023", "2023-09-13 text"],
    ["thang 9/2023", "2023-09 text"],
    ["29/2", "--02-29 none"],
    ["tháng 9.", "--09 none"],
  ];
  const en: [string, string][] = [
    ["2023-09-13", "2023-09-13 text"],
    ["2023-9-3", "2023-09-03 text"],
    ["2023/09/13", "2023-09-13 text"],
    ["2023-09", "2023-09 text"],
    ["2023", "2023 text"],
    ["13 September 2023", "2023-09-13 text"],
    ["September 13, 2023", "2023-09-13 text"],
    ["Sept. 13, 2023", "2023-09-13 text"],
    ["Sep 13", "--09-13 none"],
    ["September 2023", "2023-09 text"],
    ["Wednesday, 13 September", "--09-13 none"],
    ["Wednesday, September 13, 2023", "2023-09-13 text"],
    ["Mon 4 Mar 2024", "2024-03-04 text"],
    ["on 13 September 2023", "2023-09-13 text"],
    ["in September 2023", "2023-09 text"],
    ["in 2019", "2019 text"],
    ["13th September 2023", "2023-09-13 text"],
    ["the 13th of September 2023", "2023-09-13 text"],
    ["September 13th", "--09-13 none"],
    ["Dec. 31, 2023", "2023-12-31 text"],
    ["Feb 29, 2024", "2024-02-29 text"],
    ["May 2023", "2023-05 text"],
    ["June", "--06 none"],
    ["--09-13", "--09-13 none"],
    ["--09", "--09 none"],
  ];
  it.each(vi)("vi: %s → %s", (raw, expected) => expect(read(raw)).toBe(expected));
  it.each(en)("en: %s → %s", (raw, expected) => expect(read(raw)).toBe(expected));
});

describe("parseClaimDate with the article's date as reference", () => {
  // Year-less dates fall in the 12 months ending 61 days after the reference.
  const vi: [string, string, string][] = [
    ["13/9", "2023-10-01", "2023-09-13 reference"],
    ["28/12", "2024-01-03", "2023-12-28 reference"],
    ["2/1", "2023-12-30", "2024-01-02 reference"],
    ["13/11", "2023-09-13", "2023-11-13 reference"],
    ["14/11", "2023-09-13", "2022-11-14 reference"],
    ["tháng 9", "2023-10-01", "2023-09 reference"],
    ["tháng 12", "2024-01-03", "2023-12 reference"],
    ["29/2", "2024-12-30", "2024-02-29 reference"],
    ["hôm qua", "2024-01-01", "2023-12-31 reference"],
    ["ngày hôm qua", "2024-03-01", "2024-02-29 reference"],
    ["hôm nay", "2024-01-01", "2024-01-01 reference"],
    ["năm nay", "2024-01-01", "2024 reference"],
    ["năm ngoái", "2024-01-01", "2023 reference"],
    ["năm trước", "2024-06-01", "2023 reference"],
    ["tháng trước", "2024-01-15", "2023-12 reference"],
    ["tháng này", "2024-01-15", "2024-01 reference"],
    ["tháng 9 năm ngoái", "2024-01-15", "2023-09 reference"],
    ["13/9 năm nay", "2023-10-01", "2023-09-13 reference"],
    ["13/9/2021", "2023-10-01", "2021-09-13 text"],
  ];
  const en: [string, string, string][] = [
    ["Sep 13", "2023-10-01", "2023-09-13 reference"],
    ["December 28", "2024-01-03", "2023-12-28 reference"],
    ["yesterday", "2024-01-01", "2023-12-31 reference"],
    ["today", "2023-09-13", "2023-09-13 reference"],
    ["this year", "2023-09-13", "2023 reference"],
    ["last year", "2023-09-13", "2022 reference"],
    ["last month", "2023-03-31", "2023-02 reference"],
    ["September last year", "2024-01-15", "2023-09 reference"],
    ["13 September this year", "2023-10-01", "2023-09-13 reference"],
    ["2023-09-13", "2030-01-01", "2023-09-13 text"],
  ];
  it.each(vi)("vi: %s (article %s) → %s", (raw, reference, expected) => expect(read(raw, reference)).toBe(expected));
  it.each(en)("en: %s (article %s) → %s", (raw, reference, expected) => expect(read(raw, reference)).toBe(expected));

  it("places every year-less day within the 12 months ending 61 days after the reference", () => {
    const day = fc.integer({ min: 1, max: 12 }).chain((month) => fc.tuple(fc.constant(month), fc.integer({ min: 1, max: daysInMonth(month, 2023) })));
    const reference = fc.date({ min: new Date("1990-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, reference, ([month, d], ref) => {
        const r = parseClaimDate(`${d}/${month}`, { reference: ref });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const ymd = ref.split("-").map(Number);
        const gap = daysBetween({ year: nth(ymd, 0), month: nth(ymd, 1), day: nth(ymd, 2) }, { year: r.value.year!, month, day: d });
        expect(gap).toBeLessThanOrEqual(61);
        expect(gap).toBeGreaterThan(61 - 366);
      }),
    );
  });
});

describe("parseClaimDate failures", () => {
  const vi: [string, string | undefined, string][] = [
    ["31/2/2023", undefined, "February 2023 has 28 days"],
    ["29/2/2023", undefined, "February 2023 has 28 days"],
    ["30/02", undefined, "February has at most 29 days"],
    ["31/4", undefined, "April has 30 days"],
    ["0/1/2024", undefined, "day 0 does not exist"],
    ["tháng 13", undefined, "month 13 does not exist"],
    ["13/9/23", undefined, 'two-digit year "23": write the full year, like 13/9/2023'],
    ["hôm qua", undefined, '"hôm qua" is relative to the article\'s date, which is not given'],
    ["hôm nay", undefined, '"hôm nay" is relative to the article\'s date, which is not given'],
    ["năm nay", undefined, '"năm nay" is relative to the article\'s date, which is not given'],
    ["tháng 9 năm ngoái", undefined, '"tháng 9 năm ngoái" is relative to the article\'s date, which is not given'],
    ["tháng trước", undefined, '"tháng trước" is relative to the article\'s date, which is not given'],
    ["ngày 13", undefined, "a day needs a month: write it like 13/9 or 13 tháng 9"],
    ["đầu tháng 9", undefined, NOT_A_DATE],
    ["hôm kia", undefined, NOT_A_DATE],
    ["29/2", "2023-05-01", "February 2023 has 28 days (the year 2023 comes from the article's date, 2023-05-01)"],
    ["13/9", "13/9/2023", 'reference date "13/9/2023" is not a YYYY-MM-DD calendar day'],
  ];
  const en: [string, string | undefined, string][] = [
    ["2024-13-01", undefined, "month 13 does not exist"],
    ["9999-99-99", undefined, "month 99 does not exist"],
    ["9/13/2023", undefined, "month 13 does not exist (numeric dates are day/month: 13/9/2023 is 13 September 2023)"],
    ["32 January 2024", undefined, "January 2024 has 31 days"],
    ["September 31", undefined, "September has 30 days"],
    ["0999-01-01", undefined, "year 999 is outside 1000–2999"],
    ["yesterday", undefined, '"yesterday" is relative to the article\'s date, which is not given'],
    ["last year", undefined, '"last year" is relative to the article\'s date, which is not given'],
    ["soon", undefined, NOT_A_DATE],
    ["abc", undefined, NOT_A_DATE],
    ["", undefined, NOT_A_DATE],
    ["   ", undefined, NOT_A_DATE],
    ["20232023", undefined, NOT_A_DATE],
  ];
  it.each(vi)("vi: %s (article %s) fails: %s", (raw, reference, reason) => expect(read(raw, reference)).toBe(`fail: ${reason}`));
  it.each(en)("en: %s (article %s) fails: %s", (raw, reference, reason) => expect(read(raw, reference)).toBe(`fail: ${reason}`));

  it("does not flip a US-order date even when the flip would be valid", () => {
    expect(parseClaimDate("9/13/2023", { reference: "2023-09-20" }).ok).toBe(false);
  });
});

describe("compareClaimDates", () => {
  it.each([
    ["13/9/2023", "2023-09-13", "same"],
    ["13 tháng 9 năm 2023", "September 13, 2023", "same"],
    ["2023-09", "2023-09-13", "same"],
    ["tháng 9/2023", "14/9/2023", "same"],
    ["2023-09-13", "2023-09-14", "different"],
    ["2023", "2024-01", "different"],
    ["năm 2023", "31/12/2023", "same"],
    ["13/9", "2023-09-13", "same"],
    ["13/9", "2024-09-14", "different"],
    ["tháng 9", "2023-10-01", "different"],
    ["tháng 9", "13/9", "same"],
    ["tháng 9", "2023", "same"],
    ["13/9/2022", "13/9/2023", "different"],
  ])("%s vs %s → %s", (a, b, expected) => {
    expect(compareClaimDates(parsed(a), parsed(b))).toBe(expected);
    expect(compareClaimDates(parsed(b), parsed(a))).toBe(expected);
  });
});

describe("formatClaimDate and describeClaimDate", () => {
  it.each([
    ["13/9/2023", "2023-09-13", "13 Sep 2023", "13/9/2023"],
    ["tháng 9/2023", "2023-09", "Sep 2023", "tháng 9/2023"],
    ["năm 2023", "2023", "2023", "năm 2023"],
    ["ngày 3/1", "--01-03", "3 Jan", "3/1"],
    ["tháng Chạp", "--12", "Dec", "tháng 12"],
  ])("%s → %s, %s, %s", (raw, canonical, en, vi) => {
    const d = parsed(raw);
    expect(formatClaimDate(d)).toBe(canonical);
    expect(describeClaimDate(d)).toBe(en);
    expect(describeClaimDate(d, "vi")).toBe(vi);
  });
});

const claimDate: fc.Arbitrary<ClaimDate> = fc
  .record({
    year: fc.integer({ min: 1000, max: 2999 }),
    month: fc.integer({ min: 1, max: 12 }),
    precision: fc.constantFrom<DatePrecision>("year", "month", "day"),
    yearKnown: fc.boolean(),
  })
  .chain(({ year, month, precision, yearKnown }) =>
    fc.integer({ min: 1, max: daysInMonth(month, year) }).map((day): ClaimDate => {
      const known = yearKnown || precision === "year";
      return {
        year: known ? year : null,
        month: precision === "year" ? null : month,
        day: precision === "day" ? day : null,
        precision,
        yearFrom: known ? "text" : "none",
      };
    }),
  );

describe("round trips", () => {
  it("formatClaimDate → parseClaimDate gives the same date", () => {
    fc.assert(
      fc.property(claimDate, (d) => {
        expect(parseClaimDate(formatClaimDate(d))).toEqual({ ok: true, value: d });
      }),
    );
  });

  it.each(["en", "vi"] as const)("describeClaimDate(%s) → parseClaimDate gives the same date", (lang) => {
    fc.assert(
      fc.property(claimDate, (d) => {
        expect(parseClaimDate(describeClaimDate(d, lang))).toEqual({ ok: true, value: d });
      }),
    );
  });

  it("compareClaimDates is symmetric and a date is the same as itself", () => {
    fc.assert(
      fc.property(claimDate, claimDate, (a, b) => {
        expect(compareClaimDates(a, b)).toBe(compareClaimDates(b, a));
        expect(compareClaimDates(a, a)).toBe("same");
      }),
    );
  });
});
