import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeQuantity, NO_NUMBER, parseQuantity, parseQuantityItems, quantitiesAgree, type Quantity } from "./quantities";

const exact = (n: number): Quantity => ({ min: n, max: n, approximate: false });
const about = (n: number): Quantity => ({ min: n, max: n, approximate: true });
const range = (min: number, max: number, approximate = false): Quantity => ({ min, max, approximate });
const moreThan = (n: number): Quantity => ({ min: n, max: Infinity, approximate: false, minExclusive: true });
const atLeast = (n: number): Quantity => ({ min: n, max: Infinity, approximate: false });
const below = (n: number): Quantity => ({ min: 0, max: n, approximate: false, maxExclusive: true });

function quantity(raw: string): Quantity {
  const r = parseQuantity(raw);
  if (!r.ok) throw new Error(`${raw}: ${r.reason}`);
  return r.value;
}

describe("parseQuantity", () => {
  const vi: [string, Quantity, string][] = [
    ["5", exact(5), ""],
    ["5 UAV tấn công", exact(5), "UAV tấn công"],
    ["1 UAV trinh sát Geranium-25", exact(1), "UAV trinh sát Geranium-25"],
    ["1.000 quân", exact(1000), "quân"],
    ["1.000.000 liều vaccine", exact(1_000_000), "liều vaccine"],
    ["4.000km", exact(4000), "km"],
    ["1,5 triệu", exact(1_500_000), ""],
    ["2,3 triệu USD", exact(2_300_000), "USD"],
    ["3 triệu 200 nghìn đồng", exact(3_200_000), "đồng"],
    ["2,5 km", exact(2.5), "km"],
    ["năm UAV", exact(5), "UAV"],
    ["hai mươi lăm tên lửa", exact(25), "tên lửa"],
    ["một trăm linh năm người", exact(105), "người"],
    ["ba nghìn binh sĩ", exact(3000), "binh sĩ"],
    ["hai triệu rưỡi", exact(2_500_000), ""],
    ["tổng cộng 12 chiếc", exact(12), "chiếc"],
    ["có 5 UAV", exact(5), "UAV"],
    ["hàng chục UAV", range(20, 99, true), "UAV"],
    ["hàng trăm người", range(200, 999, true), "người"],
    ["hàng nghìn", range(2000, 9999, true), ""],
    ["hàng ngàn tên lửa", range(2000, 9999, true), "tên lửa"],
    ["hàng chục nghìn người", range(20_000, 99_999, true), "người"],
    ["hàng triệu", range(2e6, 1e7 - 1, true), ""],
    ["vài người", range(2, 9, true), "người"],
    ["một vài UAV", range(2, 9, true), "UAV"],
    ["mấy chục", range(20, 99, true), ""],
    ["vài trăm", range(200, 999, true), ""],
    ["hơn 1.000 quân", moreThan(1000), "quân"],
    ["trên 20 người", moreThan(20), "người"],
    ["ít nhất 5 người", atLeast(5), "người"],
    ["100 người trở lên", atLeast(100), "người"],
    ["khoảng 100", about(100), ""],
    ["chừng 50 chiếc", about(50), "chiếc"],
    ["trên dưới 100", about(100), ""],
    ["gần 100", range(90, 100, true), ""],
    ["tới 100", range(0, 100), ""],
    ["lên tới 100 người", range(0, 100), "người"],
    ["dưới 100", below(100), ""],
    ["chưa đến 10 người", below(10), "người"],
    ["20-30", range(20, 30), ""],
    ["20–30 người", range(20, 30), "người"],
    ["từ 20 đến 30", range(20, 30), ""],
    ["từ hai mươi tới ba mươi", range(20, 30), ""],
    ["20-30 nghìn người", range(20_000, 30_000), "người"],
    ["1,5-2 triệu", range(1_500_000, 2_000_000), ""],
    ["khoảng 20-30", range(20, 30, true), ""],
  ];
  const en: [string, Quantity, string][] = [
    ["1,000", exact(1000), ""],
    ["1,000,000 doses", exact(1_000_000), "doses"],
    ["1.5 million", exact(1_500_000), ""],
    ["12.5", exact(12.5), ""],
    ["1,000.5", exact(1000.5), ""],
    ["five attack drones", exact(5), "attack drones"],
    ["Twenty-five missiles", exact(25), "missiles"],
    ["a hundred soldiers", exact(100), "soldiers"],
    ["three thousand", exact(3000), ""],
    ["a dozen tanks", exact(12), "tanks"],
    ["half a dozen", exact(6), ""],
    ["one and a half million", exact(1_500_000), ""],
    ["a total of 12 aircraft", exact(12), "aircraft"],
    ["dozens of drones", range(20, 99, true), "drones"],
    ["tens of thousands of people", range(20_000, 99_999, true), "people"],
    ["hundreds", range(200, 999, true), ""],
    ["thousands of troops", range(2000, 9999, true), "troops"],
    ["millions", range(2e6, 1e7 - 1, true), ""],
    ["a few", range(2, 9, true), ""],
    ["several drones", range(2, 9, true), "drones"],
    ["several hundred", range(200, 999, true), ""],
    ["more than 1,000", moreThan(1000), ""],
    ["over 200 missiles", moreThan(200), "missiles"],
    ["at least 5", atLeast(5), ""],
    ["1000+", atLeast(1000), ""],
    ["5 or more drones", atLeast(5), "drones"],
    ["about 100", about(100), ""],
    ["around 40 ships", about(40), "ships"],
    ["approx. 100", about(100), ""],
    ["~100 km", about(100), "km"],
    ["some 500 people", about(500), "people"],
    ["nearly 100", range(90, 100, true), ""],
    ["up to 100", range(0, 100), ""],
    ["fewer than 10", below(10), ""],
    ["between 20 and 30 drones", range(20, 30), "drones"],
    ["two or three", range(2, 3), ""],
    ["two to three million", range(2e6, 3e6), ""],
  ];
  it.each(vi)("vi: %s", (raw, value, item) => expect(parseQuantity(raw)).toEqual({ ok: true, value, item }));
  it.each(en)("en: %s", (raw, value, item) => expect(parseQuantity(raw)).toEqual({ ok: true, value, item }));

  const failures: [string, string][] = [
    ["", NO_NUMBER],
    ["nhiều", NO_NUMBER],
    ["nhiều UAV", NO_NUMBER],
    ["một số UAV", NO_NUMBER],
    ["hàng loạt tên lửa", NO_NUMBER],
    ["trạm radar", NO_NUMBER],
    ["many", NO_NUMBER],
    ["some drones", NO_NUMBER],
    ["a drone", NO_NUMBER],
    ["constructor drones", NO_NUMBER], // word tables must not answer from Object.prototype
    ["hàng toString", NO_NUMBER],
    ["UAV Geranium-25", "the count must come first: write it like 5 UAV tấn công or five drones"],
    ["năm 2023", '"năm 2023" reads as a year, not a count'],
    ["5 000 quân", 'two numbers in a row ("5 000"): write one count, like 5.000 or 5'],
    ["2/3 số UAV", '"2/3" is not a count: write a whole number like 5'],
    ["hai phần ba", "fractions are not counts: write a number like 5"],
    ["two thirds", "fractions are not counts: write a number like 5"],
    ["20-odd soldiers", '"20-odd soldiers" is vague: write a range like 20-30'],
    ["hơn hàng chục", 'a qualifier like "hơn"/"more than" needs one number, not a range or a vague amount'],
    ["more than 20-30", 'a qualifier like "hơn"/"more than" needs one number, not a range or a vague amount'],
    ["hơn 100 người trở lên", '"hơn 100 người trở lên" has two qualifiers: keep one'],
    ["từ 20 người", 'a range needs two numbers: write it like "từ 20 đến 30" or "between 20 and 30"'],
    ["30-20", "the range 30–20 runs backwards: write the smaller number first"],
    ["1.2.3 UAV", 'cannot read the number "1.2.3": use . or , between groups of three digits (1.000 or 1,000) and the other mark for decimals'],
  ];
  it.each(failures)("fails on %j: %s", (raw, reason) => expect(parseQuantity(raw)).toMatchObject({ ok: false, reason }));

  it("reads number words only with their diacritics, so a station is not a hundred", () => {
    expect(parseQuantity("5 trạm radar")).toEqual({ ok: true, value: exact(5), item: "trạm radar" });
  });
});

describe("quantitiesAgree", () => {
  const vi: [string, string, boolean][] = [
    ["5", "năm", true],
    ["5 UAV", "6 UAV", false],
    ["hàng chục", "40", true],
    ["hàng chục", "5", false],
    ["hàng chục", "100", false],
    ["hơn 1.000", "1.000", false],
    ["hơn 1.000", "1.200", true],
    ["ít nhất 1.000", "1.000", true],
    ["dưới 100", "100", false],
    ["dưới 100", "99", true],
    ["khoảng 100", "110", true],
    ["khoảng 100", "111", false],
    ["gần 100", "91", true],
    ["gần 100", "101", false],
    ["1,5 triệu", "1.500.000", true],
    ["20-30", "hai mươi lăm", true],
    ["20-30", "31", false],
  ];
  const en: [string, string, boolean][] = [
    ["5", "five", true],
    ["5", "6", false],
    ["dozens", "40", true],
    ["about 100", "105", true],
    ["about 100", "89", false],
    ["more than 1,000", "1,000", false],
    ["more than 1,000", "1,200", true],
    ["more than 1,000", "about 1,000", true],
    ["less than 10", "more than 10", false],
    ["at least 10", "up to 10", true],
    ["a dozen", "12", true],
    ["thousands", "hundreds", false],
  ];
  it.each(vi)("vi: %s vs %s → %s", (a, b, expected) => {
    expect(quantitiesAgree(quantity(a), quantity(b))).toBe(expected);
  });
  it.each(en)("en: %s vs %s → %s", (a, b, expected) => {
    expect(quantitiesAgree(quantity(a), quantity(b))).toBe(expected);
  });

  const anyQuantity: fc.Arbitrary<Quantity> = fc
    .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean())
    .map(([a, b, approximate, open, minExclusive, maxExclusive]) => ({
      min: Math.min(a, b),
      max: open ? Infinity : Math.max(a, b),
      approximate,
      minExclusive,
      maxExclusive,
    }));

  it("is symmetric", () => {
    fc.assert(
      fc.property(anyQuantity, anyQuantity, (a, b) => {
        expect(quantitiesAgree(a, b)).toBe(quantitiesAgree(b, a));
      }),
    );
  });

  it("agrees exactly when two whole counts are equal", () => {
    fc.assert(
      fc.property(fc.nat(1e6), fc.nat(1e6), (a, b) => {
        expect(quantitiesAgree(exact(a), exact(b))).toBe(a === b);
      }),
    );
  });
});

describe("describeQuantity", () => {
  it.each([
    [exact(5), "5", "5"],
    [exact(1000), "1,000", "1.000"],
    [exact(1_500_000), "1,500,000", "1.500.000"],
    [exact(2.5), "2.5", "2,5"],
    [range(20, 99, true), "20–99", "20–99"],
    [moreThan(1000), "more than 1,000", "hơn 1.000"],
    [atLeast(5), "at least 5", "ít nhất 5"],
    [about(5), "about 5", "khoảng 5"],
    [range(0, 100), "up to 100", "tối đa 100"],
    [below(100), "less than 100", "dưới 100"],
  ])("%j → %s / %s", (q, en, vi) => {
    expect(describeQuantity(q)).toBe(en);
    expect(describeQuantity(q, "vi")).toBe(vi);
  });

  it.each(["en", "vi"] as const)("%s text reads back as the same whole-number quantity", (lang) => {
    const shaped = fc.oneof(
      fc.nat(1e9).map(exact),
      fc.nat(1e9).map(about),
      fc.nat(1e9).map(moreThan),
      fc.nat(1e9).map(atLeast),
      fc.integer({ min: 1, max: 1e9 }).map(below),
      fc.tuple(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 })).map(([a, b]) => range(a, a + b)),
    );
    fc.assert(
      fc.property(shaped, (q) => {
        expect(parseQuantity(describeQuantity(q, lang))).toEqual({ ok: true, value: q, item: "" });
      }),
    );
  });
});

describe("parseQuantityItems", () => {
  const item = (quantity: Quantity, text: string, raw: string) => ({ quantity, item: text, raw });
  it.each([
    [
      "vi: ; separates",
      "5 UAV tấn công; 1 UAV trinh sát",
      [item(exact(5), "UAV tấn công", "5 UAV tấn công"), item(exact(1), "UAV trinh sát", "1 UAV trinh sát")],
    ],
    ["vi: newline separates", "5 UAV\n\n3 tên lửa", [item(exact(5), "UAV", "5 UAV"), item(exact(3), "tên lửa", "3 tên lửa")]],
    [
      "vi: và and , between counted items",
      "5 UAV và 1 trực thăng, 3 tên lửa",
      [item(exact(5), "UAV", "5 UAV"), item(exact(1), "trực thăng", "1 trực thăng"), item(exact(3), "tên lửa", "3 tên lửa")],
    ],
    [
      "vi: a comma before words that are not a count stays in the item",
      "5 UAV, trong đó 3 bị bắn hạ",
      [item(exact(5), "UAV, trong đó 3 bị bắn hạ", "5 UAV, trong đó 3 bị bắn hạ")],
    ],
    ["vi: từ … đến stays whole", "từ 20 đến 30 người", [item(range(20, 30), "người", "từ 20 đến 30 người")]],
    ["en: and between counted items", "five drones and two missiles", [item(exact(5), "drones", "five drones"), item(exact(2), "missiles", "two missiles")]],
    ["en: between … and stays whole", "between 20 and 30 drones", [item(range(20, 30), "drones", "between 20 and 30 drones")]],
    ["en: a number with a thousands comma stays whole", "1,000 troops", [item(exact(1000), "troops", "1,000 troops")]],
  ])("%s", (_why, raw, items) => expect(parseQuantityItems(raw)).toEqual({ ok: true, items }));

  it.each([
    ["", NO_NUMBER],
    [" ; \n", NO_NUMBER],
    ["nhiều UAV", NO_NUMBER],
    ["5 UAV; nhiều tên lửa", `part 2 ("nhiều tên lửa"): ${NO_NUMBER}`],
  ])("fails on %j: %s", (raw, reason) => expect(parseQuantityItems(raw)).toMatchObject({ ok: false, reason }));
});

describe("digits with either thousands separator", () => {
  it("read back as the same number for every integer from 0 to 10^9", () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.constantFrom(".", ","), (n, mark) => {
        const written = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, mark);
        expect(parseQuantity(`${written} UAV`)).toEqual({ ok: true, value: exact(n), item: "UAV" });
      }),
    );
  });
});
