// Sample export records for the serializer tests, modelled on the seed corpus.
import type { ExportLink, ExportMention, ExportProposition, ExportRating } from "./records";

export const PROP_ID = "7d0c7e0a-3c1e-4b7e-9d1a-5a1c2b3d4e5f";

export const link = (over: Partial<ExportLink> = {}): ExportLink => ({
  id: PROP_ID,
  statement: "North Korea supplied artillery shells to Russia",
  stance: "SUPPORTS",
  verdict: "conflict",
  verdictSentence: "Conflict: 1 independent origin supports it (White House) and 1 refutes it (KCNA).",
  rating: "Unproven",
  ...over,
});

/** A label-only rating, as a desk that has not published the fact-check yet has it. */
export const rating = (over: Partial<ExportRating> = {}): ExportRating => ({
  label: "Unproven",
  value: null,
  best: null,
  worst: null,
  url: null,
  date: null,
  reviewer: null,
  ...over,
});

/** A rating with every part set: on a 1–5 scale, published, with its reviewer. */
export const publishedRating = (over: Partial<ExportRating> = {}): ExportRating =>
  rating({
    label: "False",
    value: 2,
    best: 5,
    worst: 1,
    url: "https://desk.example.org/fact-checks/shells",
    date: "2024-06-20",
    reviewer: "Minh Trần",
    ...over,
  });

export const mention = (over: Partial<ExportMention> = {}): ExportMention => ({
  annotationId: "0b6f1a52-8a8e-4f3e-a1c4-1f2e3d4c5b6a",
  articleId: "5f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
  articleTitle: "Nhà Trắng: Bình Nhưỡng đã chuyển đạn pháo cho Nga",
  articleUrl: "https://www.rfi.fr/vi/article-1",
  publishedAt: "2023-10-14",
  language: "vi",
  publisher: "RFI Tiếng Việt",
  origins: ["AFP", "Reuters"],
  independentOrigins: ["White House"],
  passageId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  passagePosition: 3,
  start: 14,
  end: 63,
  exact: "Triều Tiên đã chuyển hơn 1.000 container đạn dược",
  prefix: "Nhà Trắng nói ",
  suffix: " cho Nga trong",
  claimType: "Arms transfer",
  modality: "ALLEGED",
  speakers: [{ name: "White House", type: "source", kind: "GOVERNMENT" }],
  actors: ["Triều Tiên", "Nga"],
  fields: { date: "2023-09", dateValue: "2023-09", datePrecision: "month", quantities: [{ value: "hơn 1.000", item: "container" }], item: "đạn dược" },
  note: "Credit line names AFP first.",
  status: "APPROVED",
  author: "Lan Nguyễn",
  createdAt: "2024-06-20T08:15:30.000Z",
  updatedAt: "2024-06-21T09:00:00.000Z",
  propositions: [link()],
  ...over,
});

/** Said by a person and relayed by state media in one breath: two speakers, in that order. */
export const mentionTwoSpeakers = (over: Partial<ExportMention> = {}): ExportMention =>
  mention({
    annotationId: "2d8b3c74-0cac-4b5a-83e6-3b4c5d6e7f80",
    exact: "Peskov và TASS bác bỏ",
    speakers: [
      { name: "Dmitry Peskov", type: "entity", kind: "PERSON" },
      { name: "TASS", type: "source", kind: "STATE_MEDIA" },
    ],
    independentOrigins: ["Dmitry Peskov, for Russia", "TASS, for Russia"],
    ...over,
  });

/** Two counts with their items, and a date written as a person would (day precision). */
export const mentionTwoQuantities = (over: Partial<ExportMention> = {}): ExportMention =>
  mention({
    annotationId: "3e9c4d85-1dbd-4c6b-94f7-4c5d6e7f8091",
    fields: {
      date: "13/9/2023",
      dateValue: "2023-09-13",
      datePrecision: "day",
      quantities: [{ value: "hơn 1.000", item: "container" }, { value: "5" }],
      item: "đạn dược",
    },
    ...over,
  });

/** Re-anchored with low confidence after a text correction: waits for a person. */
export const mentionNeedsReview = (over: Partial<ExportMention> = {}): ExportMention =>
  mention({ annotationId: "4fad5e96-2ece-4d7c-a508-5d6e7f8091a2", needsReview: true, ...over });

export const proposition = (over: Partial<ExportProposition> = {}): ExportProposition => ({
  id: PROP_ID,
  statement: "North Korea supplied artillery shells to Russia",
  claimType: "Arms transfer",
  rating: rating(),
  verdict: "conflict",
  verdictSentence: "Conflict: 1 independent origin supports it (White House) and 1 refutes it (KCNA).",
  createdAt: "2024-06-20T08:00:00.000Z",
  updatedAt: "2024-06-22T10:30:00.000Z",
  mentions: [
    mention(),
    mention({
      annotationId: "1c7a2b63-9b9f-4a4f-b2d5-2a3b4c5d6e7f",
      articleId: "6a2d3e4f-5c6b-4d7e-9f8a-0b1c2d3e4f5a",
      articleTitle: "Moscow bác bỏ cáo buộc mua vũ khí của Bình Nhưỡng",
      articleUrl: "https://vnexpress.net/article-2",
      publishedAt: "2023-10-15",
      publisher: "VnExpress",
      origins: ["TASS"],
      independentOrigins: ["Kremlin"],
      exact: "Điện Kremlin bác bỏ thông tin",
      prefix: "",
      suffix: ".",
      modality: "DENIED",
      speakers: [{ name: "Kremlin", type: "source", kind: "GOVERNMENT" }],
      fields: {},
      note: null,
      propositions: [link({ stance: "REFUTES" })],
    }),
  ],
  ...over,
});
