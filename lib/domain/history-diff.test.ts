import { describe, expect, it } from "vitest";
import { type AuditRecord, describeAuditEvent, type HistoryDiff, idsToName, type NameLookup, versionDetails } from "./history-diff";
import { type EnglishChange, historyInEnglish, historyPageInEnglish } from "./history-english";

const NAMES: NameLookup = {
  claimTypes: { "t-arms": "Arms transfer", "t-denial": "Denial" },
  users: { "u-lan": "Trần Thị Lan", "u-jane": "Jane Doe" },
  claims: { "c-1": "Triều Tiên đã chuyển đạn pháo cho Nga" },
};

/** A claim as services snapshot it (toAnnotationView), with the noise a diff must ignore. */
const claim = (over: Record<string, unknown> = {}) => ({
  id: "c-1",
  passageId: "p-1",
  start: 10,
  end: 47,
  exact: "Triều Tiên đã chuyển đạn pháo cho Nga",
  prefix: "Nhà Trắng nói ",
  suffix: " để đổi lấy",
  claimTypeId: "t-arms",
  modality: "ALLEGED",
  speakers: [{ type: "entity", id: "e-wh", name: "Nhà Trắng" }],
  actorEntities: [{ id: "e-nk", name: "Bắc Triều Tiên" }],
  actors: ["quân đội Nga"],
  fields: { date: "13/9", dateValue: "2023-09-13", datePrecision: "day", quantities: [{ value: "5", item: "UAV tấn công" }] },
  note: "Theo Reuters",
  status: "DRAFT",
  orphaned: false,
  needsReview: false,
  anchorReview: null,
  version: 1,
  searchText: "trieu tien da chuyen dan phao cho nga theo reuters",
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
  author: { id: "u-lan", name: "Trần Thị Lan" },
  mentions: [],
  ...over,
});

const ev = (action: string, before: unknown, after: unknown, entityType = "Annotation"): AuditRecord => ({ action, entityType, before, after });
const change = (field: string, before: string | null, after: string | null): EnglishChange => ({ field, before, after });

// The English the history API documents: the same words, byte for byte, as before entries were structured.
describe("describeAuditEvent, in English", () => {
  it.each<[string, AuditRecord, string, EnglishChange[]]>([
    [
      "an edit: speakers as names, modality and note in words; version, updatedAt and searchText ignored",
      ev(
        "annotation.update",
        claim(),
        claim({
          speakers: [
            { type: "entity", id: "e-wh", name: "Nhà Trắng" },
            { type: "source", id: "s-reuters", name: "Reuters" },
          ],
          modality: "REPORTED",
          note: "Hai nguồn",
          version: 2,
          updatedAt: "2026-12-02T08:00:00.000Z",
          searchText: "khac",
        }),
      ),
      "Edited the claim",
      [change("Speakers", "Nhà Trắng", "Nhà Trắng, Reuters"), change("Modality", "alleged", "reported"), change("Note", "Theo Reuters", "Hai nguồn")],
    ],
    [
      "an edit of the type, counts and actors (entities and free text together)",
      ev(
        "annotation.update",
        claim(),
        claim({
          claimTypeId: "t-denial",
          actorEntities: [],
          actors: ["Moscow"],
          fields: {
            quantities: [
              { value: "five", item: "attack drones" },
              { value: "một", item: "UAV trinh sát" },
            ],
          },
        }),
      ),
      "Edited the claim",
      [
        change("Type", "Arms transfer", "Denial"),
        change("Actors", "Bắc Triều Tiên, quân đội Nga", "Moscow"),
        change("Date", "13/9", null),
        change("Counts", "5 UAV tấn công", "five attack drones; một UAV trinh sát"),
      ],
    ],
    [
      "an edit that changed nothing a person sees",
      ev("annotation.update", claim(), claim({ version: 2, searchText: "x", updatedAt: "later" })),
      "Edited the claim",
      [],
    ],
    [
      "a creation lists what was set",
      ev("annotation.create", undefined, claim({ fields: {}, actors: [], actorEntities: [] })),
      "Marked the claim",
      [
        change("Type", null, "Arms transfer"),
        change("Quote", null, "“Triều Tiên đã chuyển đạn pháo cho Nga”"),
        change("Position", null, "10–47"),
        change("Speakers", null, "Nhà Trắng"),
        change("Modality", null, "alleged"),
        change("Note", null, "Theo Reuters"),
        change("Status", null, "draft"),
        change("Orphaned", null, "no"),
        change("Needs review", null, "no"),
      ],
    ],
    ["a deletion changes no field", ev("annotation.delete", claim(), undefined), "Deleted the claim", []],
    ["a restore changes no field", ev("annotation.restore", undefined, claim()), "Restored the claim", []],
    [
      "a claim type deleted since",
      ev("annotation.update", claim({ claimTypeId: "t-gone" }), claim()),
      "Edited the claim",
      [change("Type", "a deleted claim type", "Arms transfer")],
    ],
    [
      "a re-anchoring after a text correction: the outcome in words, quote and position",
      ev(
        "annotation.reanchor",
        { start: 10, end: 47, exact: "Triều Tiên đã chuyển đạn pháo cho Nga", prefix: "a", suffix: "b", orphaned: false, needsReview: false, version: 3 },
        {
          start: 12,
          end: 49,
          exact: "Triều Tiên đã chuyển đạn pháo cho Nga",
          prefix: "c",
          suffix: "d",
          orphaned: false,
          needsReview: false,
          version: 4,
          outcome: "moved",
          reason: "words inserted before",
        },
      ),
      "A text correction re-anchored the claim (moved: words inserted before)",
      [change("Position", "10–47", "12–49")],
    ],
    [
      "a partial snapshot only reports the fields both sides hold",
      ev("annotation.confirm_anchor", { needsReview: true, anchorReview: { reason: "x" }, exact: "đạn pháo" }, { needsReview: false, version: 5 }),
      "Confirmed the claim's position after a text correction",
      [change("Needs review", "yes", "no")],
    ],
    [
      "a review outcome (status and reason)",
      ev("annotation.review", { status: "SUBMITTED" }, { status: "REJECTED", reviewReason: "Nguồn không rõ", reviewedById: "u-jane" }),
      "Reviewed the claim",
      [change("Status", "submitted", "rejected")],
    ],
    [
      "an approval, the reviewer as the review workflow snapshots them",
      ev(
        "annotation.approve",
        { status: "SUBMITTED", reviewedBy: null, reviewedAt: null, reviewReason: null, version: 2 },
        { status: "APPROVED", reviewedBy: { id: "u-jane", name: "Jane Doe" }, reviewedAt: "2026-12-02T09:00:00.000Z", reviewReason: null, version: 3 },
      ),
      "Approved the claim",
      [change("Status", "submitted", "approved"), change("Reviewed by", null, "Jane Doe")],
    ],
    [
      "an unknown action in words",
      ev("annotation.lock_for_session", { status: "DRAFT" }, { status: "SUBMITTED" }),
      "Lock for session (annotation)",
      [change("Status", "draft", "submitted")],
    ],
    [
      "a proposition's rating: label, date (a day), reviewer by name",
      ev(
        "proposition.update",
        { statement: "Triều Tiên chuyển đạn pháo cho Nga", ratingLabel: null, reviewDate: null, reviewerId: null, claimTypeId: "t-arms" },
        {
          statement: "North Korea shipped shells to Russia",
          ratingLabel: "Sai",
          reviewDate: "2024-06-20T00:00:00.000Z",
          reviewerId: "u-jane",
          claimTypeId: "t-arms",
          createdAt: "x",
        },
        "Proposition",
      ),
      "Edited the proposition",
      [
        change("Statement", "Triều Tiên chuyển đạn pháo cho Nga", "North Korea shipped shells to Russia"),
        change("Rating", null, "Sai"),
        change("Fact-check date", null, "2024-06-20"),
        change("Reviewer", null, "Jane Doe"),
      ],
    ],
    [
      "a claim linked to a proposition, by its quote",
      ev("mention.link", undefined, { annotationId: "c-1", propositionId: "p", stance: "SUPPORTS" }, "Proposition"),
      "Linked a claim",
      [change("Claim", null, "“Triều Tiên đã chuyển đạn pháo cho Nga” (supports)")],
    ],
    [
      "a stance changed",
      ev("mention.restance", { stance: "SUPPORTS" }, { annotationId: "c-1", propositionId: "p", stance: "REFUTES" }, "Proposition"),
      "Changed a claim's stance",
      [change("Stance of “Triều Tiên đã chuyển đạn pháo cho Nga”", "supports", "refutes")],
    ],
    [
      "a claim unlinked whose row is gone",
      ev("mention.unlink", { annotationId: "c-gone", propositionId: "p" }, undefined, "Proposition"),
      "Unlinked a claim",
      [change("Claim", "a claim since removed", null)],
    ],
    [
      "a merge names the proposition merged in",
      ev("proposition.merge", { statement: "Bình Nhưỡng gửi đạn cho Moskva" }, { target: {}, moved: 2, alreadyLinked: 0 }, "Proposition"),
      "Merged “Bình Nhưỡng gửi đạn cho Moskva” into this one (2 claims moved)",
      [],
    ],
  ])("%s", (_, event, summary, changes) => {
    expect(historyInEnglish(describeAuditEvent(event, NAMES))).toEqual({ summary, changes });
  });

  it("names a former member and an unknown type without failing", () => {
    const d = describeAuditEvent(ev("proposition.update", { reviewerId: null }, { reviewerId: "u-left" }, "Proposition"), {});
    expect(historyInEnglish(d).changes).toEqual([change("Reviewer", null, "a former member")]);
  });

  it("words a page of entries for the API, keeping their other fields", () => {
    const entry = { id: "7", version: 2, ...describeAuditEvent(ev("annotation.delete", claim(), undefined), NAMES) };
    expect(historyPageInEnglish({ items: [entry], nextCursor: null })).toEqual({
      items: [{ id: "7", version: 2, summary: "Deleted the claim", changes: [] }],
      nextCursor: null,
    });
  });
});

// The structure the interface words per language: ids and raw values, no English.
describe("describeAuditEvent", () => {
  it.each<[string, AuditRecord, HistoryDiff]>([
    [
      "an edit: enumerations as their ids, names and text as written",
      ev("annotation.update", claim(), claim({ modality: "REPORTED", claimTypeId: "t-gone", orphaned: true, start: 11 })),
      {
        summary: { kind: "action", action: "annotation.update" },
        changes: [
          { field: "type", before: { kind: "text", text: "Arms transfer" }, after: { kind: "deletedClaimType" } },
          { field: "position", before: { kind: "range", start: 10, end: 47 }, after: { kind: "range", start: 11, end: 47 } },
          { field: "modality", before: { kind: "modality", value: "ALLEGED" }, after: { kind: "modality", value: "REPORTED" } },
          { field: "orphaned", before: { kind: "flag", value: false }, after: { kind: "flag", value: true } },
        ],
      },
    ],
    [
      "a rating: the value a number, the day as a day, the scale's bounds, the reviewer gone",
      ev(
        "proposition.update",
        { ratingValue: null, ratingWorst: null, ratingBest: null, reviewDate: null, reviewerId: null, sameValues: [] },
        { ratingValue: 2, ratingWorst: 1, ratingBest: 5, reviewDate: "2024-06-20T00:00:00.000Z", reviewerId: "u-left", sameValues: [["a", "b"]] },
        "Proposition",
      ),
      {
        summary: { kind: "action", action: "proposition.update" },
        changes: [
          { field: "ratingValue", before: null, after: { kind: "number", value: 2 } },
          { field: "ratingScale", before: null, after: { kind: "scale", worst: 1, best: 5 } },
          { field: "factCheckDate", before: null, after: { kind: "day", date: "2024-06-20" } },
          { field: "reviewer", before: null, after: { kind: "formerMember" } },
          { field: "sameValues", before: { kind: "pairs", count: 0 }, after: { kind: "pairs", count: 1 } },
        ],
      },
    ],
    [
      "a re-anchoring: the outcome as its id, the reason as recorded",
      ev("annotation.reanchor", { start: 1, end: 5 }, { start: 2, end: 6, outcome: "fuzzy", reason: "r" }),
      {
        summary: { kind: "reanchor", outcome: "fuzzy", reason: "r" },
        changes: [{ field: "position", before: { kind: "range", start: 1, end: 5 }, after: { kind: "range", start: 2, end: 6 } }],
      },
    ],
    [
      "a re-anchoring with an outcome of its own",
      ev("annotation.reanchor", {}, { outcome: "split_up" }),
      { summary: { kind: "reanchor", outcome: null, other: "split_up", reason: null }, changes: [] },
    ],
    [
      "a stance changed: the field names the claim",
      ev("mention.restance", { stance: "SUPPORTS" }, { annotationId: "c-1", stance: "NEUTRAL" }, "Proposition"),
      {
        summary: { kind: "action", action: "mention.restance" },
        changes: [
          {
            field: "stanceOf",
            claim: { quote: NAMES.claims?.["c-1"] ?? "" },
            before: { kind: "stance", value: "SUPPORTS" },
            after: { kind: "stance", value: "NEUTRAL" },
          },
        ],
      },
    ],
    [
      "a proposition created from a claim whose stance was not recorded",
      ev("proposition.create", undefined, { statement: "S", firstMention: { annotationId: "c-gone" } }, "Proposition"),
      {
        summary: { kind: "action", action: "proposition.create" },
        changes: [
          { field: "statement", before: null, after: { kind: "text", text: "S" } },
          { field: "firstClaim", before: null, after: { kind: "claim", claim: { removed: true }, stance: null } },
        ],
      },
    ],
    [
      "a merge without the merged statement",
      ev("proposition.merge", {}, { moved: 1 }, "Proposition"),
      { summary: { kind: "merge", statement: null, moved: 1 }, changes: [] },
    ],
    ["a bulk import", ev("annotation.bulk_import", undefined, { count: 3 }), { summary: { kind: "bulkImport" }, changes: [] }],
    [
      "an unknown action: its id and its name in words",
      ev("proposition.archive", {}, {}, "Proposition"),
      { summary: { kind: "other", action: "proposition.archive", words: "Archive (proposition)" }, changes: [] },
    ],
  ])("%s", (_, event, diff) => {
    expect(describeAuditEvent(event, NAMES)).toEqual(diff);
  });
});

describe("idsToName", () => {
  it("gathers the claim types, users and claims a page of events refers to, once each", () => {
    const ids = idsToName([
      ev("annotation.update", claim(), claim({ claimTypeId: "t-denial" })),
      ev("proposition.create", undefined, { claimTypeId: "t-arms", firstMention: { annotationId: "c-2" }, reviewerId: "u-jane" }, "Proposition"),
      ev("mention.link", undefined, { annotationId: "c-1" }, "Proposition"),
    ]);
    expect(ids).toEqual({ claimTypeIds: ["t-arms", "t-denial"], userIds: ["u-jane"], annotationIds: ["c-2", "c-1"] });
  });
});

describe("versionDetails", () => {
  it("takes a version's details in the shape updates take (derived date values and ids dropped)", () => {
    expect(versionDetails(claim())).toEqual({
      claimTypeId: "t-arms",
      speakers: [{ entityId: "e-wh" }],
      modality: "ALLEGED",
      actorEntityIds: ["e-nk"],
      actors: ["quân đội Nga"],
      fields: { date: "13/9", quantities: [{ value: "5", item: "UAV tấn công" }] },
      note: "Theo Reuters",
    });
  });

  it.each<[string, unknown, unknown]>([
    ["a source speaker and no note", claim({ speakers: [{ type: "source", id: "s-tass", name: "TASS" }], note: null }), { speakers: [{ sourceId: "s-tass" }] }],
    ["empty fields", claim({ fields: {} }), { fields: {} }],
  ])("%s", (_, snapshot, part) => {
    expect(versionDetails(snapshot)).toMatchObject(part as object);
  });

  it("leaves out a note the version did not have, so reverting to it clears the note", () => {
    expect(versionDetails(claim({ note: null }))).not.toHaveProperty("note");
    expect(versionDetails(claim({ note: "" }))).not.toHaveProperty("note");
  });

  it.each<[string, unknown]>([
    ["no snapshot (a deletion's after)", undefined],
    ["a re-anchoring's partial snapshot", { start: 1, end: 5, exact: "x", version: 3 }],
    ["a confirmation's partial snapshot", { needsReview: false, version: 5 }],
    ["a speaker of unknown kind", claim({ speakers: [{ type: "person", id: "x", name: "?" }] })],
  ])("is null for %s", (_, snapshot) => {
    expect(versionDetails(snapshot)).toBeNull();
  });
});
