import { krippendorffAlphaNominal } from "./alpha";
import { cohenKappa, fleissKappa } from "./kappa";
import { matchUnits } from "./matching";
import { compareStrings, sortedGroups } from "./order";
import { characterAgreement, matchedPairUnits, pairUnits, scoresOf } from "./spans";
import {
  type AgreementClaim,
  type AgreementInput,
  type AgreementReport,
  type GroupAgreement,
  LABEL_DIMENSIONS,
  type LabelDimension,
  type PairAgreement,
} from "./types";
import { krippendorffUnitizingAlpha, type UnitizingContinuum } from "./unitizing";

/**
 * Agreement of the annotators overall and per article, for every pair (a < b by id) and for the whole group. Label
 * agreement is measured on overlap-matched units: Cohen on the pair's own matching, Fleiss on the group's units that
 * every annotator has a claim in, Krippendorff's alpha on all group units with absent annotators as missing values.
 * uα reads each passage as a continuum: overall every passage of `passageLengths`, per article the passages of
 * `passageArticles` and those its claims touch. Claims of annotators not listed in `input.annotators` are ignored.
 * Offsets in code points; output is deterministic.
 */
export function agreementReport(input: AgreementInput): AgreementReport {
  const annotators = [...new Set(input.annotators)].sort(compareStrings);
  const listed = new Set(annotators);
  const claims = input.claims.filter((c) => listed.has(c.annotatorId));
  const context = { annotators, lengths: input.passageLengths };

  const passagesByArticle = new Map<string, Set<string>>();
  const addPassage = (articleId: string, passageId: string) => {
    const passages = passagesByArticle.get(articleId) ?? new Set<string>();
    passages.add(passageId);
    passagesByArticle.set(articleId, passages);
  };
  for (const [passageId, articleId] of Object.entries(input.passageArticles ?? {})) addPassage(articleId, passageId);
  for (const c of claims) addPassage(c.articleId, c.passageId);

  const claimsByArticle = new Map(sortedGroups(claims, (c) => c.articleId));
  const allPassages = new Set([...Object.keys(input.passageLengths), ...[...passagesByArticle.values()].flatMap((p) => [...p])]);
  const overall = section(context, claims, allPassages);
  const articles = [...passagesByArticle.keys()].sort(compareStrings).map((articleId) => ({
    articleId,
    ...section(context, claimsByArticle.get(articleId) ?? [], passagesByArticle.get(articleId)!),
  }));
  return { annotators, overall: overall.overall, pairs: overall.pairs, articles };
}

type Context = { annotators: string[]; lengths: Record<string, number> };

function section(context: Context, claims: readonly AgreementClaim[], passages: ReadonlySet<string>) {
  const { annotators } = context;
  const continua = continuaOf(context.lengths, [...passages], claims);
  const byAnnotator = new Map(sortedGroups(claims, (c) => c.annotatorId));
  const own = (id: string) => byAnnotator.get(id) ?? [];
  const pairs: PairAgreement[] = [];
  annotators.forEach((a, i) => {
    for (const b of annotators.slice(i + 1)) pairs.push(pairAgreement(a, b, own(a), own(b), continua));
  });
  return { overall: groupAgreement(annotators, claims, pairs, continua), pairs };
}

function pairAgreement(a: string, b: string, claimsA: AgreementClaim[], claimsB: AgreementClaim[], continua: UnitizingContinuum[] | null): PairAgreement {
  const exactMatched = matchedPairUnits(pairUnits(claimsA, claimsB, "exact"));
  const overlapMatched = matchedPairUnits(pairUnits(claimsA, claimsB, "overlap"));
  const cohen = perDimension((dim) => cohenKappa(overlapMatched.map((u) => [u.claims.a!.labels[dim], u.claims.b!.labels[dim]])));
  return {
    a,
    b,
    exact: scoresOf(exactMatched.length, claimsA.length, claimsB.length),
    overlap: scoresOf(overlapMatched.length, claimsA.length, claimsB.length),
    character: characterAgreement(claimsA, claimsB),
    cohen,
    units: overlapMatched.length,
    unitizingAlpha: continua && krippendorffUnitizingAlpha([a, b], continua),
  };
}

function groupAgreement(
  annotators: string[],
  claims: readonly AgreementClaim[],
  pairs: PairAgreement[],
  continua: UnitizingContinuum[] | null,
): GroupAgreement {
  const exactUnits = matchUnits(claims, "exact");
  const units = matchUnits(claims, "overlap");
  const complete = annotators.length >= 2 ? units.filter((u) => annotators.every((id) => u.claims[id])) : [];
  return {
    alpha: perDimension((dim) => krippendorffAlphaNominal(units.map((u) => annotators.map((id) => u.claims[id]?.labels[dim] ?? null)))),
    fleiss: perDimension((dim) => fleissKappa(complete.map((u) => annotators.map((id) => u.claims[id]!.labels[dim])))),
    unitizingAlpha: continua && krippendorffUnitizingAlpha(annotators, continua),
    meanF1: { exact: mean(pairs.map((p) => p.exact.f1)), overlap: mean(pairs.map((p) => p.overlap.f1)) },
    units: { exact: exactUnits.length, overlap: units.length },
    claims: claims.length,
  };
}

/** One continuum per passage, or null when a passage's length is unknown or a claim runs past it (uα would be wrong). */
function continuaOf(lengths: Record<string, number>, passages: string[], claims: readonly AgreementClaim[]): UnitizingContinuum[] | null {
  const byPassage = new Map(sortedGroups(claims, (c) => c.passageId));
  const continua: UnitizingContinuum[] = [];
  for (const passageId of passages.sort(compareStrings)) {
    const length = Object.hasOwn(lengths, passageId) ? lengths[passageId] : undefined;
    if (length === undefined) return null;
    const inPassage = byPassage.get(passageId) ?? [];
    if (inPassage.some((c) => c.start < 0 || c.end > length || c.start > c.end)) return null;
    continua.push({ start: 0, end: length, units: inPassage.map((c) => ({ observer: c.annotatorId, start: c.start, end: c.end })) });
  }
  return continua;
}

function perDimension(metric: (dim: LabelDimension) => number | null): Record<LabelDimension, number | null> {
  const result = {} as Record<LabelDimension, number | null>;
  for (const dim of LABEL_DIMENSIONS) result[dim] = metric(dim);
  return result;
}

function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((sum, v) => sum + v, 0) / present.length;
}
