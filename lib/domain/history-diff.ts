// Audit events of claims and propositions as a person reads them: what was done, and which fields
// changed from what to what, as structured entries the interface words per language (the history
// namespace of the catalogues; history-english.ts keeps the English the API documents). Pure: the
// service looks up the names it needs first.
import { REANCHOR_WHY_KEYS, type ReanchorWhy } from "./anchoring";

/** One stored audit event (the before/after snapshots as written by the services). */
export type AuditRecord = { action: string; entityType: string; before: unknown; after: unknown };

/** Names for the ids snapshots hold: claim types, users, claims (their quote). */
export type NameLookup = {
  claimTypes?: Readonly<Record<string, string>>;
  users?: Readonly<Record<string, string>>;
  claims?: Readonly<Record<string, string>>;
};

/** A claim an event refers to: by its quote, one since removed (or not visible), or none named. */
export type ClaimRef = { quote: string } | { removed: true } | { unnamed: true };

/** A field's value, as data: words chosen at the edge. Enum values are the stored ids (ALLEGED, DRAFT, SUPPORTS). */
export type HistoryValue =
  | { kind: "text"; text: string }
  | { kind: "quote"; text: string }
  | { kind: "names"; names: string[] }
  /** Offsets in code points. */
  | { kind: "range"; start: number; end: number }
  | { kind: "modality"; value: string }
  | { kind: "status"; value: string }
  | { kind: "flag"; value: boolean }
  /** A calendar day, yyyy-mm-dd. */
  | { kind: "day"; date: string }
  | { kind: "number"; value: number }
  | { kind: "scale"; worst: number | null; best: number | null }
  | { kind: "pairs"; count: number }
  | { kind: "stances"; links: { stance: string | null; statement: string | null }[] }
  /** A claim linked, with its stance (null: not recorded). */
  | { kind: "claim"; claim: ClaimRef; stance?: string | null }
  | { kind: "stance"; value: string }
  | { kind: "deletedClaimType" }
  | { kind: "formerMember" };

export type HistoryField =
  | "type"
  | "quote"
  | "position"
  | "speakers"
  | "modality"
  | "actors"
  | "date"
  | "counts"
  | "item"
  | "note"
  | "status"
  | "reviewReason"
  | "reviewedBy"
  | "orphaned"
  | "needsReview"
  | "propositions"
  | "statement"
  | "rating"
  | "ratingValue"
  | "ratingScale"
  | "factCheckUrl"
  | "factCheckDate"
  | "reviewer"
  | "sameValues"
  | "firstClaim"
  | "claim"
  | "stanceOf";

/** One field that changed; null means "not set" (or, on creation, not there before). `claim` names the claim of a `stanceOf` field. */
export type FieldChange = { field: HistoryField; claim?: ClaimRef; before: HistoryValue | null; after: HistoryValue | null };

/** The audit actions with a sentence of their own. */
export const KNOWN_ACTIONS = [
  "annotation.create",
  "annotation.update",
  "annotation.delete",
  "annotation.restore",
  "annotation.confirm_anchor",
  "annotation.remark",
  "annotation.review",
  "annotation.submit",
  "annotation.review_reopened",
  "annotation.approve",
  "annotation.reject",
  "proposition.create",
  "proposition.update",
  "proposition.delete",
  "proposition.same_values",
  "proposition.different_values",
  "mention.link",
  "mention.restance",
  "mention.unlink",
  "mention.move",
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

/** Re-anchoring outcomes with words of their own (anchoring.ts). */
export const REANCHOR_OUTCOMES = ["exact", "moved", "fuzzy", "needs_review", "orphaned"] as const;
export type ReanchorOutcome = (typeof REANCHOR_OUTCOMES)[number];

/** What was done: a known action, or one of the events described with values. */
export type HistorySummary =
  | { kind: "action"; action: KnownAction }
  /** `outcome` null: not recorded; `other`: an outcome without words of its own, as stored. */
  /** `why`: the reason as a catalogue key (events before it was recorded have only the English `reason`). */
  | { kind: "reanchor"; outcome: ReanchorOutcome | null; other?: string; reason: string | null; why?: ReanchorWhy }
  | { kind: "bulkImport" }
  /** `statement` of the proposition merged in (null: not recorded); `moved` claims. */
  | { kind: "merge"; statement: string | null; moved: number }
  /** An action without a sentence: `words` is its name in words ("Lock for session (annotation)"). */
  | { kind: "other"; action: string; words: string };

export type HistoryDiff = { summary: HistorySummary; changes: FieldChange[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : typeof v === "number" || typeof v === "bigint" ? String(v) : null);
const enumId = (v: unknown) => (typeof v === "string" && v ? v : null);
const text = (v: unknown): HistoryValue | null => {
  const s = str(v);
  return s === null ? null : { kind: "text", text: s };
};
const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null;
const namesOf = (v: unknown) => (Array.isArray(v) ? v.map((x) => (isObj(x) ? str(x.name) : str(x))).filter((x): x is string => x !== null) : []);
const nameList = (xs: string[]): HistoryValue | null => (xs.length ? { kind: "names", names: xs } : null);
const flag = (v: unknown): HistoryValue | null => (typeof v === "boolean" ? { kind: "flag", value: v } : null);
const tagged = (kind: "modality" | "status", v: unknown): HistoryValue | null => {
  const id = enumId(v);
  return id === null ? null : { kind, value: id };
};

/** Counts with their items, as written: "5 attack drones; một reconnaissance drone". */
function quantities(v: unknown): string | null {
  if (!Array.isArray(v)) return null;
  return (
    v
      .filter(isObj)
      .map((q) => [str(q.value), str(q.item)].filter(Boolean).join(" "))
      .filter(Boolean)
      .join("; ") || null
  );
}

type Reader = (s: Obj, n: NameLookup) => HistoryValue | null;

const claimType: Reader = (s, n) => {
  if (typeof s.claimTypeId !== "string") return null;
  const label = n.claimTypes?.[s.claimTypeId];
  return label === undefined ? { kind: "deletedClaimType" } : { kind: "text", text: label };
};
const member = (id: unknown, n: NameLookup): HistoryValue | null => {
  if (typeof id !== "string") return null;
  const name = n.users?.[id];
  return name === undefined ? { kind: "formerMember" } : { kind: "text", text: name };
};
const inFields = (s: Obj, read: (f: Obj) => HistoryValue | null) => (isObj(s.fields) ? read(s.fields) : null);

/** The fields a person cares about, in display order, with the snapshot keys each reads (to tell "not in this snapshot" from "cleared"); everything else in a snapshot is noise (searchText, updatedAt, ids, version…). */
type FieldDef = [HistoryField, string[], Reader];
const ANNOTATION_FIELDS: FieldDef[] = [
  ["type", ["claimTypeId"], claimType],
  ["quote", ["exact"], (s) => (str(s.exact) ? { kind: "quote", text: String(s.exact) } : null)],
  ["position", ["start", "end"], (s) => (typeof s.start === "number" && typeof s.end === "number" ? { kind: "range", start: s.start, end: s.end } : null)],
  ["speakers", ["speakers"], (s) => nameList(namesOf(s.speakers))],
  ["modality", ["modality"], (s) => tagged("modality", s.modality)],
  ["actors", ["actorEntities", "actors"], (s) => nameList([...namesOf(s.actorEntities), ...namesOf(s.actors)])],
  ["date", ["fields"], (s) => inFields(s, (f) => text(f.date))],
  ["counts", ["fields"], (s) => inFields(s, (f) => text(quantities(f.quantities)))],
  ["item", ["fields"], (s) => inFields(s, (f) => text(f.item))],
  ["note", ["note"], (s) => text(s.note)],
  ["status", ["status"], (s) => tagged("status", s.status)],
  ["reviewReason", ["reviewReason"], (s) => text(s.reviewReason)],
  ["reviewedBy", ["reviewedById", "reviewedBy"], (s, n) => (isObj(s.reviewedBy) ? text(s.reviewedBy.name) : member(s.reviewedById, n))],
  ["orphaned", ["orphaned"], (s) => flag(s.orphaned)],
  ["needsReview", ["needsReview"], (s) => flag(s.needsReview)],
  [
    "propositions",
    ["mentions"],
    (s) => {
      if (!Array.isArray(s.mentions)) return null;
      const links = s.mentions
        .filter(isObj)
        .filter((m) => isObj(m.proposition))
        .map((m) => ({ stance: enumId(m.stance), statement: isObj(m.proposition) ? str(m.proposition.statement) : null }));
      return links.length ? { kind: "stances", links } : null;
    },
  ],
];

const PROPOSITION_FIELDS: FieldDef[] = [
  ["statement", ["statement"], (s) => text(s.statement)],
  ["type", ["claimTypeId"], claimType],
  ["rating", ["ratingLabel"], (s) => text(s.ratingLabel)],
  ["ratingValue", ["ratingValue"], (s) => (num(s.ratingValue) === null ? text(s.ratingValue) : { kind: "number", value: num(s.ratingValue) as number })],
  [
    "ratingScale",
    ["ratingWorst", "ratingBest"],
    (s) => (s.ratingWorst != null || s.ratingBest != null ? { kind: "scale", worst: num(s.ratingWorst), best: num(s.ratingBest) } : null),
  ],
  ["factCheckUrl", ["reviewUrl"], (s) => text(s.reviewUrl)],
  ["factCheckDate", ["reviewDate"], (s) => (typeof s.reviewDate === "string" && s.reviewDate ? { kind: "day", date: s.reviewDate.slice(0, 10) } : null)],
  ["reviewer", ["reviewerId"], (s, n) => member(s.reviewerId, n)],
  ["sameValues", ["sameValues"], (s) => (Array.isArray(s.sameValues) ? { kind: "pairs", count: s.sameValues.length } : null)],
];

const same = (x: HistoryValue | null, y: HistoryValue | null) => JSON.stringify(x) === JSON.stringify(y);

/** Field-by-field differences between two snapshots (either may be missing), in display order. */
function diffSnapshots(fields: FieldDef[], before: unknown, after: unknown, n: NameLookup): FieldChange[] {
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const out: FieldChange[] = [];
  for (const [field, keys, read] of fields) {
    // A field a partial snapshot does not mention did not change.
    const inBefore = isObj(before) && keys.some((k) => k in b);
    const inAfter = isObj(after) && keys.some((k) => k in a);
    if (isObj(before) && isObj(after) && !(inBefore && inAfter)) continue;
    const x = read(b, n);
    const y = read(a, n);
    if (!same(x, y)) out.push({ field, before: x, after: y });
  }
  return out;
}

const isKnown = (action: string): action is KnownAction => (KNOWN_ACTIONS as readonly string[]).includes(action);
/** A stored reason read back, or null when it is not one this version can say. */
function asWhy(v: unknown): ReanchorWhy | null {
  if (!isObj(v) || typeof v.key !== "string" || !(REANCHOR_WHY_KEYS as readonly string[]).includes(v.key)) return null;
  const values = v.values === undefined ? undefined : isObj(v.values) ? v.values : null;
  if (values === null || (values && Object.values(values).some((x) => typeof x !== "string" && typeof x !== "number"))) return null;
  const inner = v.inner === undefined ? undefined : asWhy(v.inner);
  if (inner === null) return null;
  return { key: v.key as ReanchorWhy["key"], ...(values ? { values: values as Record<string, string | number> } : {}), ...(inner ? { inner } : {}) };
}

const isOutcome = (o: string): o is ReanchorOutcome => (REANCHOR_OUTCOMES as readonly string[]).includes(o);

/** An action name in words when no sentence is known: "annotation.some_thing" → "Some thing (annotation)". */
function fallbackWords(action: string): string {
  const [kind = "", ...rest] = action.split(".");
  const what = rest.join(" ").replace(/_/g, " ") || kind;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}${rest.length ? ` (${kind})` : ""}`;
}

const claimRef = (id: unknown, n: NameLookup): ClaimRef => {
  if (typeof id !== "string") return { unnamed: true };
  const q = n.claims?.[id];
  return q ? { quote: q } : { removed: true };
};

/** An audit event of a claim or a proposition as structured entries: what was done, and the fields it changed. */
export function describeAuditEvent(e: AuditRecord, n: NameLookup = {}): HistoryDiff {
  const before = isObj(e.before) ? e.before : null;
  const after = isObj(e.after) ? e.after : null;
  const summary: HistorySummary = isKnown(e.action)
    ? { kind: "action", action: e.action }
    : { kind: "other", action: e.action, words: fallbackWords(e.action) };
  if (e.action === "annotation.reanchor") {
    const outcome = str(after?.outcome);
    const why = asWhy(after?.why);
    return {
      summary: {
        kind: "reanchor",
        outcome: outcome === null ? null : isOutcome(outcome) ? outcome : null,
        ...(outcome !== null && !isOutcome(outcome) ? { other: outcome } : {}),
        reason: str(after?.reason),
        ...(why ? { why } : {}),
      },
      changes: diffSnapshots(ANNOTATION_FIELDS, before, after, n),
    };
  }
  // A delete or restore changes no field: the snapshot is the whole claim, not a difference.
  if (["annotation.delete", "annotation.restore", "proposition.delete"].includes(e.action)) return { summary, changes: [] };
  if (e.action === "annotation.bulk_import") return { summary: { kind: "bulkImport" }, changes: [] };
  if (e.entityType === "Annotation") return { summary, changes: diffSnapshots(ANNOTATION_FIELDS, before, after, n) };
  if (e.action.startsWith("mention.")) return { summary, changes: mentionChanges(e.action, before, after, n) };
  if (e.action === "proposition.merge") {
    const moved = typeof after?.moved === "number" ? after.moved : 0;
    return { summary: { kind: "merge", statement: str(before?.statement), moved }, changes: [] };
  }
  if (e.action === "proposition.create") {
    const first = isObj(after?.firstMention) ? after.firstMention : null;
    const changes = diffSnapshots(PROPOSITION_FIELDS, null, after, n).filter((c) => c.field !== "sameValues");
    if (first)
      changes.push({ field: "firstClaim", before: null, after: { kind: "claim", claim: claimRef(first.annotationId, n), stance: enumId(first.stance) } });
    return { summary, changes };
  }
  if (e.entityType === "Proposition") return { summary, changes: diffSnapshots(PROPOSITION_FIELDS, before, after, n) };
  return { summary, changes: [] };
}

function mentionChanges(action: string, before: Obj | null, after: Obj | null, n: NameLookup): FieldChange[] {
  const claim = claimRef(after?.annotationId ?? before?.annotationId, n);
  const stance = (v: unknown): HistoryValue | null => {
    const id = enumId(v);
    return id === null ? null : { kind: "stance", value: id };
  };
  if (action === "mention.restance") return [{ field: "stanceOf", claim, before: stance(before?.stance), after: stance(after?.stance) }];
  if (action === "mention.unlink") return [{ field: "claim", before: { kind: "claim", claim }, after: null }];
  return [{ field: "claim", before: null, after: { kind: "claim", claim, stance: enumId(after?.stance) } }];
}

/** A quote as shown: at most 120 characters, the rest cut with an ellipsis. */
export const shorten = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

/** The ids whose names `describeAuditEvent` needs, gathered from a page of events (one query per kind). */
export function idsToName(events: readonly AuditRecord[]): { claimTypeIds: string[]; userIds: string[]; annotationIds: string[] } {
  const claimTypeIds = new Set<string>();
  const userIds = new Set<string>();
  const annotationIds = new Set<string>();
  const take = (set: Set<string>, v: unknown) => typeof v === "string" && set.add(v);
  for (const e of events) {
    for (const s of [e.before, e.after]) {
      if (!isObj(s)) continue;
      take(claimTypeIds, s.claimTypeId);
      take(userIds, s.reviewerId);
      take(userIds, s.reviewedById);
      take(annotationIds, s.annotationId);
      if (isObj(s.firstMention)) take(annotationIds, s.firstMention.annotationId);
    }
  }
  return { claimTypeIds: [...claimTypeIds], userIds: [...userIds], annotationIds: [...annotationIds] };
}

/** A claim's details as a version's snapshot holds them, in the shape `updateAnnotation` takes; null when the snapshot lacks them. */
export type VersionDetails = {
  claimTypeId: string;
  speakers: ({ entityId: string } | { sourceId: string })[];
  modality: string;
  actorEntityIds: string[];
  actors: string[];
  fields: { date?: string; quantities?: { value: string; item?: string }[]; item?: string };
  note?: string;
};

/** The details to re-apply when reverting to the version an event produced (its `after`), or null if that snapshot does not hold them all. */
export function versionDetails(snapshot: unknown): VersionDetails | null {
  if (!isObj(snapshot)) return null;
  const s = snapshot;
  if (typeof s.claimTypeId !== "string" || typeof s.modality !== "string" || !Array.isArray(s.speakers) || !Array.isArray(s.actors)) return null;
  if (!Array.isArray(s.actorEntities) || !(s.fields === undefined || isObj(s.fields))) return null;
  const speakers: VersionDetails["speakers"] = [];
  for (const sp of s.speakers) {
    if (!isObj(sp) || typeof sp.id !== "string") return null;
    if (sp.type === "entity") speakers.push({ entityId: sp.id });
    else if (sp.type === "source") speakers.push({ sourceId: sp.id });
    else return null;
  }
  const actorEntityIds = s.actorEntities.map((x) => (isObj(x) ? x.id : null));
  if (!actorEntityIds.every((x): x is string => typeof x === "string")) return null;
  if (!s.actors.every((x): x is string => typeof x === "string")) return null;
  const f = isObj(s.fields) ? s.fields : {};
  const qs = Array.isArray(f.quantities) ? f.quantities.filter(isObj) : [];
  const fields: VersionDetails["fields"] = {
    ...(typeof f.date === "string" && f.date ? { date: f.date } : {}),
    ...(qs.length ? { quantities: qs.map((q) => ({ value: String(q.value ?? ""), ...(typeof q.item === "string" && q.item ? { item: q.item } : {}) })) } : {}),
    ...(typeof f.item === "string" && f.item ? { item: f.item } : {}),
  };
  return {
    claimTypeId: s.claimTypeId,
    speakers,
    modality: s.modality,
    actorEntityIds,
    actors: s.actors,
    fields,
    ...(typeof s.note === "string" && s.note ? { note: s.note } : {}),
  };
}
