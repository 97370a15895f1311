// English cases of the re-anchoring corpus. Paragraphs are invented news copy.
import { edit, moveToFront, type CorpusCase } from "./corpus-format";

const BUDGET =
  "The city council approved a $2.3 billion budget on Tuesday, including a 4% increase in police funding. Coucil member Ana Ruiz said the plan “ignores the housing crisis” and voted against it. The mayor's office did not respond to a request for comment.";

// "65.Researchers" is the missing space one case restores.
const BOOSTER =
  "A new study published in the journal Vaccine found that the booster reduced hospitalisations by 61 percent among adults over 65.Researchers cautioned that the sample was small and the follow-up period lasted only three months. The manufacturer funded part of the research.";

const WILDFIRE =
  "Firefighters contained 40 percent of the Ridge Fire by Sunday evening. Officials said the fire had burned more than 12,000 acres. Evacuation orders remain in place for two towns. The cause of the fire is under investigation.";

const EARNINGS =
  "Shares of Nimbus Corp 📈 rose 8% after the company reported quarterly revenue of $4.1 billion, beating analyst estimates. CEO Dana Whitfeild called the results “a turning point” for the firm. Analysts at two banks raised their price targets.";

const CAUSE = "The cause of the fire is under investigation.";

export const enCases: CorpusCase[] = [
  // --- city-budget
  {
    id: "en-budget-moved",
    article: "city-budget",
    covers: "a time stamp inserted at the start",
    original: BUDGET,
    claim: { quote: "including a 4% increase in police funding" },
    corrected: edit(BUDGET, ["The city council", "UPDATED 9:40 a.m. — The city council"]),
    expected: { outcome: "moved", quote: "including a 4% increase in police funding" },
  },
  {
    id: "en-budget-typo",
    article: "city-budget",
    covers: "a typo fixed at the start of the quote",
    original: BUDGET,
    claim: { quote: "Coucil member Ana Ruiz said the plan" },
    corrected: edit(BUDGET, ["Coucil", "Council"]),
    expected: { outcome: "fuzzy", quote: "Council member Ana Ruiz said the plan" },
  },
  {
    id: "en-budget-figure",
    article: "city-budget",
    covers: "a changed amount is never counted silently",
    original: BUDGET,
    claim: { quote: "approved a $2.3 billion budget on Tuesday" },
    corrected: edit(BUDGET, ["$2.3 billion", "$2.8 billion"]),
    expected: { outcome: "needs_review", proposal: "approved a $2.8 billion budget on Tuesday" },
  },
  {
    id: "en-budget-deleted",
    article: "city-budget",
    covers: "the claimed last sentence deleted",
    original: BUDGET,
    claim: { quote: "The mayor's office did not respond to a request for comment." },
    corrected: edit(BUDGET, [" The mayor's office did not respond to a request for comment.", ""]),
    expected: { outcome: "orphaned" },
  },
  {
    id: "en-budget-short-moved",
    article: "city-budget",
    covers: "a short name follows an insertion",
    original: BUDGET,
    claim: { quote: "Ruiz" },
    corrected: edit(BUDGET, ["on Tuesday", "late on Tuesday"]),
    expected: { outcome: "moved", quote: "Ruiz" },
  },
  {
    id: "en-budget-quote-reworded",
    article: "city-budget",
    covers: "the quoted words inside the claim replaced",
    original: BUDGET,
    claim: { quote: "the plan “ignores the housing crisis”" },
    corrected: edit(BUDGET, ["“ignores the housing crisis”", "“does nothing for renters”"]),
    expected: { outcome: "needs_review", proposal: "the plan “does nothing for renters”" },
  },
  // --- booster-study
  {
    id: "en-booster-spelling",
    article: "booster-study",
    covers: "British to American spelling inside the quote",
    original: BOOSTER,
    claim: { quote: "the booster reduced hospitalisations by 61 percent" },
    corrected: edit(BOOSTER, ["hospitalisations", "hospitalizations"]),
    expected: { outcome: "fuzzy", quote: "the booster reduced hospitalizations by 61 percent" },
  },
  {
    id: "en-booster-missing-space",
    article: "booster-study",
    covers: "a missing space restored right before the quote",
    original: BOOSTER,
    claim: { quote: "Researchers cautioned that the sample was small" },
    corrected: edit(BOOSTER, ["65.Researchers", "65. Researchers"]),
    expected: { outcome: "moved", quote: "Researchers cautioned that the sample was small" },
  },
  {
    id: "en-booster-reworded-middle",
    article: "booster-study",
    covers: "a reworded middle of a long quote",
    original: BOOSTER,
    claim: { quote: "Researchers cautioned that the sample was small and the follow-up period lasted only three months" },
    corrected: edit(BOOSTER, ["the sample was small", "few volunteers took part"]),
    expected: {
      outcome: "needs_review",
      proposal: "Researchers cautioned that few volunteers took part and the follow-up period lasted only three months",
    },
  },
  {
    id: "en-booster-short-moved",
    article: "booster-study",
    covers: "a short quote follows an insertion before it",
    original: BOOSTER,
    claim: { quote: "Vaccine" },
    corrected: edit(BOOSTER, ["A new study", "A new peer-reviewed study"]),
    expected: { outcome: "moved", quote: "Vaccine" },
  },
  {
    id: "en-booster-short-unrelated",
    article: "booster-study",
    covers: "a short quote whose sentence changed now appears only in an unrelated one",
    original: BOOSTER,
    claim: { quote: "funded" },
    corrected: edit(BOOSTER, [
      "The manufacturer funded part of the research.",
      "The manufacturer declined to comment. Separately, the state funded a new clinic in the north.",
    ]),
    expected: { outcome: "needs_review", proposal: "funded" },
  },
  // --- ridge-fire: "the fire" occurs twice
  {
    id: "en-fire-sentence-front",
    article: "ridge-fire",
    covers: "the claimed last sentence moved to the front",
    original: WILDFIRE,
    claim: { quote: CAUSE },
    corrected: moveToFront(WILDFIRE, CAUSE),
    expected: { outcome: "moved", quote: CAUSE },
  },
  {
    id: "en-fire-repeat-second",
    article: "ridge-fire",
    covers: "the second of two equal short quotes after a shift",
    original: WILDFIRE,
    claim: { quote: "the fire", occurrence: 1 },
    corrected: edit(WILDFIRE, ["Firefighters", "Hundreds of firefighters"]),
    expected: { outcome: "moved", quote: "the fire", occurrence: 1 },
  },
  {
    id: "en-fire-repeat-reordered",
    article: "ridge-fire",
    covers: "context, not order, picks the occurrence after the other one moves ahead of it",
    original: WILDFIRE,
    claim: { quote: "the fire", occurrence: 0 },
    corrected: moveToFront(WILDFIRE, CAUSE),
    expected: { outcome: "moved", quote: "the fire", occurrence: 1 },
  },
  {
    id: "en-fire-short-unrelated",
    article: "ridge-fire",
    covers: "a short quote whose sentence was deleted appears in a new unrelated one",
    original: WILDFIRE,
    claim: { quote: "two towns" },
    corrected: edit(
      WILDFIRE,
      [" Evacuation orders remain in place for two towns.", ""],
      ["under investigation.", "under investigation. Volunteers from two towns in the valley delivered water."],
    ),
    expected: { outcome: "needs_review", proposal: "two towns" },
  },
  {
    id: "en-fire-typo-same-figures",
    article: "ridge-fire",
    covers: "a typo fixed next to an unchanged figure",
    original: edit(WILDFIRE, ["acres", "acers"]),
    claim: { quote: "Officials said the fire had burned more than 12,000 acers" },
    corrected: WILDFIRE,
    expected: { outcome: "fuzzy", quote: "Officials said the fire had burned more than 12,000 acres" },
  },
  {
    id: "en-fire-rewritten",
    article: "ridge-fire",
    covers: "the whole paragraph replaced",
    original: WILDFIRE,
    claim: { quote: "Firefighters contained 40 percent of the Ridge Fire" },
    corrected: "This story has been removed while editors verify the figures supplied by the county.",
    expected: { outcome: "orphaned" },
  },
  // --- nimbus-earnings
  {
    id: "en-earnings-emoji-inserted",
    article: "nimbus-earnings",
    covers: "an emoji inserted at the start",
    original: EARNINGS,
    claim: { quote: "CEO Dana Whitfeild called the results" },
    corrected: edit(EARNINGS, ["Shares of", "🚀 Shares of"]),
    expected: { outcome: "moved", quote: "CEO Dana Whitfeild called the results" },
  },
  {
    id: "en-earnings-name-fixed",
    article: "nimbus-earnings",
    covers: "transposed letters fixed in a name",
    original: EARNINGS,
    claim: { quote: "CEO Dana Whitfeild called the results" },
    corrected: edit(EARNINGS, ["Whitfeild", "Whitfield"]),
    expected: { outcome: "fuzzy", quote: "CEO Dana Whitfield called the results" },
  },
  {
    id: "en-earnings-reworded-end",
    article: "nimbus-earnings",
    covers: "the end of the quote reworded and lengthened",
    original: EARNINGS,
    claim: { quote: "called the results “a turning point”" },
    corrected: edit(EARNINGS, ["“a turning point”", "“a genuine turning point in our history”"]),
    expected: { outcome: "needs_review", proposal: "called the results “a genuine turning point in our history”" },
  },
  {
    id: "en-earnings-edit-after",
    article: "nimbus-earnings",
    covers: "an edit after a quote holding an emoji leaves it exact",
    original: EARNINGS,
    claim: { quote: "Shares of Nimbus Corp 📈 rose 8%" },
    corrected: edit(EARNINGS, ["two banks", "three banks"]),
    expected: { outcome: "exact", quote: "Shares of Nimbus Corp 📈 rose 8%" },
  },
  {
    id: "en-earnings-emoji-quote-moved",
    article: "nimbus-earnings",
    covers: "a quote holding an emoji moves back by one",
    original: EARNINGS,
    claim: { quote: "Nimbus Corp 📈 rose 8%" },
    corrected: edit(EARNINGS, ["Shares of", "Stock of"]),
    expected: { outcome: "moved", quote: "Nimbus Corp 📈 rose 8%" },
  },
];
