import { describe, expect, it } from "vitest";
import { agreementReport } from "./report";
import { claim } from "./test-fixtures";
import type { AgreementInput, PairAgreement } from "./types";

// Three annotators, two articles. art1 has passages p1 (100 code points) and p2 (50), art2 has p3 (40).
//   p1  ann a1 [0,10) fact/""/asserted    bob b1 [0,10) fact/""/asserted      cat c1 [2,10) fact/"s:x"/asserted
//   p1  ann a2 [20,30) opinion/"s:x"/asserted  bob b2 [22,30) fact/"s:x"/hedged
//   p2  ann a3 [0,5) fact/""/asserted                                         cat c2 [0,5) fact/""/asserted
//   p3                                    bob b3 [10,20) fact/""/asserted
// Overlap units (ann, then bob, then cat): U1 {a1, b1, c1}, U2 {a2, b2}, U3 {a3, c2}, U4 {b3}.
// Exact units: {a1, b1}, {c1}, {a2}, {b2}, {a3, c2}, {b3}.
const claims = [
  claim("a1", "ann", 0, 10),
  claim("b1", "bob", 0, 10),
  claim("c1", "cat", 2, 10, { labels: { speaker: "s:x" } }),
  claim("a2", "ann", 20, 30, { labels: { claimType: "opinion", speaker: "s:x" } }),
  claim("b2", "bob", 22, 30, { labels: { speaker: "s:x", modality: "hedged" } }),
  claim("a3", "ann", 0, 5, { passageId: "p2" }),
  claim("c2", "cat", 0, 5, { passageId: "p2" }),
  claim("b3", "bob", 10, 20, { articleId: "art2", passageId: "p3" }),
];
const input: AgreementInput = { annotators: ["cat", "bob", "ann"], claims, passageLengths: { p1: 100, p2: 50, p3: 40 } };
const pair = (pairs: PairAgreement[], a: string, b: string) => pairs.find((p) => p.a === a && p.b === b)!;

describe("agreementReport", () => {
  const report = agreementReport(input);

  it("lists annotators, pairs (a < b) and articles in sorted order", () => {
    expect(report.annotators).toEqual(["ann", "bob", "cat"]);
    expect(report.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(["ann-bob", "ann-cat", "bob-cat"]);
    expect(report.articles.map((a) => a.articleId)).toEqual(["art1", "art2"]);
  });

  it("scores each pair's spans", () => {
    const annBob = pair(report.pairs, "ann", "bob");
    // Exact: a1 = b1 only, 1 of 3 each side. Overlap: a1–b1 and a2–b2.
    expect(annBob.exact).toEqual({ precision: 1 / 3, recall: 1 / 3, f1: 1 / 3, matched: 1, aCount: 3, bCount: 3 });
    expect(annBob.overlap).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, matched: 2, aCount: 3, bCount: 3 });
    // ann covers 10 + 10 + 5 = 25, bob 10 + 8 + 10 = 28, shared 10 + 8.
    expect(annBob.character).toBeCloseTo(36 / 53, 12);
    const annCat = pair(report.pairs, "ann", "cat");
    expect(annCat.overlap).toMatchObject({ precision: 1, recall: 2 / 3, f1: 4 / 5 });
    expect(annCat.exact.f1).toBeCloseTo(2 / 5, 12);
    expect(annCat.character).toBeCloseTo(26 / 38, 12);
    const bobCat = pair(report.pairs, "bob", "cat");
    expect(bobCat.exact.f1).toBe(0);
    expect(bobCat.overlap.f1).toBeCloseTo(2 / 5, 12);
  });

  it("computes Cohen's kappa per dimension on the pair's matched units", () => {
    const annBob = pair(report.pairs, "ann", "bob");
    expect(annBob.units).toBe(2);
    // claimType (fact, fact), (opinion, fact): Po = 1/2, Pe = (1·2)/4 → 0. speaker ("", ""), ("s:x", "s:x") → 1.
    expect(annBob.cohen).toEqual({ claimType: 0, speaker: 1, modality: 0 });
    // ann–cat: every claimType is "fact" (Pe = 1 → null); speaker ("", "s:x"), ("", "") → 0.
    expect(pair(report.pairs, "ann", "cat").cohen).toEqual({ claimType: null, speaker: 0, modality: null });
  });

  it("computes the group's units, alpha, Fleiss and mean F1", () => {
    const { overall } = report;
    expect(overall.claims).toBe(8);
    expect(overall.units).toEqual({ exact: 6, overlap: 4 });
    // claimType over U1–U3 (U4 has one value): n = 7 (fact 6, opinion 1), Σ o_c≠k = 2 (U2) → α = 1 − 6·2/(49 − 37) = 0.
    // speaker: U1 ("", "", "s:x") gives (9 − 5)/2 = 2; n = 7 ("" 4, "s:x" 3) → α = 1 − 6·2/(49 − 25) = 0.5.
    expect(overall.alpha.claimType).toBeCloseTo(0, 12);
    expect(overall.alpha.speaker).toBeCloseTo(0.5, 12);
    expect(overall.alpha.modality).toBeCloseTo(0, 12);
    // Only U1 has all three: speaker ("", "", "s:x") → P̄ = 1/3, P̄e = 5/9, κ = −1/2; the other dimensions are unanimous.
    expect(overall.fleiss).toMatchObject({ claimType: null, modality: null });
    expect(overall.fleiss.speaker).toBeCloseTo(-0.5, 12);
    // Pair F1s: exact 1/3, 2/5, 0; overlap 2/3, 4/5, 2/5.
    expect(overall.meanF1.exact).toBeCloseTo(11 / 45, 12);
    expect(overall.meanF1.overlap).toBeCloseTo(28 / 45, 12);
    expect(overall.unitizingAlpha).toBeNull(); // three annotators: see krippendorffUnitizingAlpha
  });

  it("computes a pair's uα over every passage (hand computed)", () => {
    // ann–bob on p1 + p2 + p3, L = 190, m = 2. uDo: a2/b2 (20−22)² = 4, a3 in bob's gap 5² = 25, b3 in ann's gap 10² = 100
    // → 2·129 / (2·190²) = 0.0035734. uDe: units 10, 10, 5 (ann) and 10, 8, 10 (bob), N = 6; gaps 10, 70, 45, 40 (ann) and
    // 12, 70, 50, 10, 20 (bob). Σ terms: l = 10 → 5·1710/3 + 100·246 = 27450 (×4), l = 5 → 300 + 25·291 = 7575,
    // l = 8 → 1400 + 64·264 = 18296; total 135671. Denominator 380·379 − (4·90 + 20 + 56) = 143584.
    // uDe = (2/190)·135671/143584 = 0.0099462 → uα = 1 − 0.0035734/0.0099462 = 0.6407.
    const expected = 1 - 129 / 36100 / ((2 / 190) * (135671 / 143584));
    expect(pair(report.pairs, "ann", "bob").unitizingAlpha).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.6407, 4);
  });

  it("reports each article on its own claims, with every annotator", () => {
    const [art1, art2] = report.articles;
    expect(art1!.overall).toMatchObject({ claims: 7, units: { exact: 5, overlap: 3 } });
    expect(pair(art1!.pairs, "ann", "bob").overlap).toMatchObject({ precision: 1, recall: 2 / 3, f1: 4 / 5 });
    const annBob = pair(art2!.pairs, "ann", "bob");
    expect(annBob.exact).toEqual({ precision: 0, recall: null, f1: 0, matched: 0, aCount: 0, bCount: 1 });
    expect(annBob.cohen).toEqual({ claimType: null, speaker: null, modality: null });
    // p3 alone: b3 in ann's empty continuum: uDo = 2·100/(2·40²) = 0.0625; uDe = (2/40)·(100·43)/(80·79 − 90).
    expect(annBob.unitizingAlpha).toBeCloseTo(1 - 0.0625 / ((2 / 40) * (4300 / 6230)), 12);
    // ann–cat have no claims in art2 (F1 null, skipped); the other two pairs score 0.
    expect(pair(art2!.pairs, "ann", "cat").overlap.f1).toBeNull();
    expect(art2!.overall).toMatchObject({ claims: 1, units: { exact: 1, overlap: 1 }, meanF1: { exact: 0, overlap: 0 } });
    expect(art2!.overall.alpha).toEqual({ claimType: null, speaker: null, modality: null });
    expect(art2!.overall.fleiss).toEqual({ claimType: null, speaker: null, modality: null });
  });

  it("is deterministic whatever the input order", () => {
    expect(agreementReport({ ...input, annotators: ["ann", "cat", "bob"], claims: [...claims].reverse() })).toEqual(report);
  });

  it("gives no uα when a passage length is missing or a claim runs past it", () => {
    const missing = agreementReport({ ...input, passageLengths: { p1: 100, p2: 50 } });
    expect(pair(missing.pairs, "ann", "bob").unitizingAlpha).toBeNull();
    expect(pair(missing.articles[0]!.pairs, "ann", "bob").unitizingAlpha).not.toBeNull();
    const short = agreementReport({ ...input, passageLengths: { p1: 25, p2: 50, p3: 40 } });
    expect(pair(short.pairs, "ann", "bob").unitizingAlpha).toBeNull();
  });

  it("counts a passage nobody marked in its article's continuum when passageArticles says where it belongs", () => {
    const withEmpty = agreementReport({ ...input, passageLengths: { ...input.passageLengths, p4: 60 }, passageArticles: { p4: "art2" } });
    const art2 = withEmpty.articles.find((a) => a.articleId === "art2")!;
    const before = pair(report.articles[1]!.pairs, "ann", "bob").unitizingAlpha!;
    expect(pair(art2.pairs, "ann", "bob").unitizingAlpha).not.toBeCloseTo(before, 3);
  });

  it("ignores claims of annotators not listed, and gives empty groups null metrics", () => {
    const stray = agreementReport({ ...input, claims: [...claims, claim("z1", "zed", 0, 10)] });
    expect(stray).toEqual(report);
    const lone = agreementReport({ annotators: ["ann"], claims: [claim("a1", "ann", 0, 10)], passageLengths: { p1: 100 } });
    expect(lone.pairs).toEqual([]);
    expect(lone.overall).toMatchObject({ meanF1: { exact: null, overlap: null }, unitizingAlpha: null, units: { exact: 1, overlap: 1 } });
    expect(lone.overall.fleiss).toEqual({ claimType: null, speaker: null, modality: null });
  });
});
