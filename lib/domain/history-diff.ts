// Audit events of claims and propositions as a person reads them: what was done, in words, and
// which fields changed from what to what. Pure: the service looks up the names it needs first.

/** One stored audit event (the before/after snapshots as written by the services). */
export type AuditRecord = { action: string; entityType: string; before: unknown; after: unknown };

/** Names for the ids snapshots hold: claim types, users, claims (their quote). */
export type NameLookup = {
  claimTypes?: Readonly<Record<string, string>>;
  users?: Readonly<Record<string, string>>;
  claims?: Readonly<Record<string, string>>;
};

/** One field that changed; null means "not set" (or, on creation, not there before). */
export type FieldChange = { field: string; before: string | null; after: string | null };
export type HistoryDiff = { summary: string; changes: FieldChange[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : typeof v === "number" || typeof v === "bigint" ? String(v) : null);
const lower = (v: unknown) => (typeof v === "string" && v ? v.toLowerCase().replace(/_/g, " ") : null);
const quote = (s: string | null | undefined) => (s ? `“${s.length > 120 ? `${s.slice(0, 119)}…` : s}”` : null);
const list = (xs: (string | null)[]) => {
  const kept = xs.filter((x): x is string => !!x);
  return kept.length ? kept.join(", ") : null;
};
const names = (v: unknown) => (Array.isArray(v) ? v.map((x) => (isObj(x) ? str(x.name) : str(x))) : []);
const yesNo = (v: unknown) => (v === true ? "yes" : v === false ? "no" : null);

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

type Reader = (s: Obj, n: NameLookup) => string | null;

/** The fields a person cares about, in display order; everything else in a snapshot is noise (searchText, updatedAt, ids, version…). */
const ANNOTATION_FIELDS: [string, Reader][] = [
  ["Type", (s, n) => (typeof s.claimTypeId === "string" ? (n.claimTypes?.[s.claimTypeId] ?? "a deleted claim type") : null)],
  ["Quote", (s) => quote(str(s.exact))],
  ["Position", (s) => (typeof s.start === "number" && typeof s.end === "number" ? `${s.start}–${s.end}` : null)],
  ["Speakers", (s) => list(names(s.speakers))],
  ["Modality", (s) => lower(s.modality)],
  ["Actors", (s) => list([...names(s.actorEntities), ...names(s.actors)])],
  ["Date", (s) => (isObj(s.fields) ? str(s.fields.date) : null)],
  ["Counts", (s) => (isObj(s.fields) ? quantities(s.fields.quantities) : null)],
  ["Item", (s) => (isObj(s.fields) ? str(s.fields.item) : null)],
  ["Note", (s) => str(s.note)],
  ["Status", (s) => lower(s.status)],
  ["Review reason", (s) => str(s.reviewReason)],
  [
    "Reviewed by",
    (s, n) => (isObj(s.reviewedBy) ? str(s.reviewedBy.name) : typeof s.reviewedById === "string" ? (n.users?.[s.reviewedById] ?? "a former member") : null),
  ],
  ["Orphaned", (s) => yesNo(s.orphaned)],
  ["Needs review", (s) => yesNo(s.needsReview)],
  [
    "Propositions",
    (s) =>
      Array.isArray(s.mentions)
        ? list(s.mentions.filter(isObj).map((m) => (isObj(m.proposition) ? `${lower(m.stance) ?? ""} ${quote(str(m.proposition.statement))}`.trim() : null)))
        : null,
  ],
];

const PROPOSITION_FIELDS: [string, Reader][] = [
  ["Statement", (s) => str(s.statement)],
  ["Type", (s, n) => (typeof s.claimTypeId === "string" ? (n.claimTypes?.[s.claimTypeId] ?? "a deleted claim type") : null)],
  ["Rating", (s) => str(s.ratingLabel)],
  ["Rating value", (s) => str(s.ratingValue)],
  ["Rating scale", (s) => (s.ratingWorst != null || s.ratingBest != null ? `${str(s.ratingWorst) ?? "?"}–${str(s.ratingBest) ?? "?"}` : null)],
  ["Fact-check URL", (s) => str(s.reviewUrl)],
  ["Fact-check date", (s) => (typeof s.reviewDate === "string" ? s.reviewDate.slice(0, 10) : null)],
  ["Reviewer", (s, n) => (typeof s.reviewerId === "string" ? (n.users?.[s.reviewerId] ?? "a former member") : null)],
  [
    "Same values",
    (s) => (Array.isArray(s.sameValues) ? (s.sameValues.length ? `${s.sameValues.length} pair${s.sameValues.length === 1 ? "" : "s"}` : "none") : null),
  ],
];

/** Field-by-field differences between two snapshots (either may be missing), in display order. */
export function diffSnapshots(fields: [string, Reader][], before: unknown, after: unknown, n: NameLookup): FieldChange[] {
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const out: FieldChange[] = [];
  for (const [field, read] of fields) {
    // A field a partial snapshot does not mention did not change.
    const inBefore = isObj(before) && present(field, b);
    const inAfter = isObj(after) && present(field, a);
    if (isObj(before) && isObj(after) && !(inBefore && inAfter)) continue;
    const x = read(b, n);
    const y = read(a, n);
    if (x !== y) out.push({ field, before: x, after: y });
  }
  return out;
}

// Which snapshot keys each field reads, to tell "not in this snapshot" from "cleared".
const KEYS: Record<string, string[]> = {
  Type: ["claimTypeId"],
  Quote: ["exact"],
  Position: ["start", "end"],
  Speakers: ["speakers"],
  Modality: ["modality"],
  Actors: ["actorEntities", "actors"],
  Date: ["fields"],
  Counts: ["fields"],
  Item: ["fields"],
  Note: ["note"],
  Status: ["status"],
  "Review reason": ["reviewReason"],
  "Reviewed by": ["reviewedById", "reviewedBy"],
  Orphaned: ["orphaned"],
  "Needs review": ["needsReview"],
  Propositions: ["mentions"],
  Statement: ["statement"],
  Rating: ["ratingLabel"],
  "Rating value": ["ratingValue"],
  "Rating scale": ["ratingWorst", "ratingBest"],
  "Fact-check URL": ["reviewUrl"],
  "Fact-check date": ["reviewDate"],
  Reviewer: ["reviewerId"],
  "Same values": ["sameValues"],
};
const present = (field: string, s: Obj) => (KEYS[field] ?? []).some((k) => k in s);

const OUTCOMES: Record<string, string> = {
  exact: "kept",
  moved: "moved",
  fuzzy: "kept despite a small change to its words",
  needs_review: "needs review",
  orphaned: "orphaned: its words are gone",
};

const ACTIONS: Record<string, string> = {
  "annotation.create": "Marked the claim",
  "annotation.update": "Edited the claim",
  "annotation.delete": "Deleted the claim",
  "annotation.restore": "Restored the claim",
  "annotation.confirm_anchor": "Confirmed the claim's position after a text correction",
  "annotation.remark": "Re-marked the claim on new words",
  "annotation.review": "Reviewed the claim",
  "annotation.submit": "Submitted the claim for review",
  "annotation.review_reopened": "Sent the claim back for review: its details changed after approval",
  "annotation.approve": "Approved the claim",
  "annotation.reject": "Rejected the claim",
  "proposition.create": "Created the proposition",
  "proposition.update": "Edited the proposition",
  "proposition.delete": "Deleted the proposition",
  "proposition.same_values": "Marked two detail values as the same",
  "proposition.different_values": "Marked two detail values as different again",
  "mention.link": "Linked a claim",
  "mention.restance": "Changed a claim's stance",
  "mention.unlink": "Unlinked a claim",
  "mention.move": "Moved a claim here from another proposition",
};

/** An action name in words when no sentence is known: "annotation.some_thing" → "Some thing (annotation)". */
function fallbackWords(action: string): string {
  const [kind = "", ...rest] = action.split(".");
  const what = rest.join(" ").replace(/_/g, " ") || kind;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}${rest.length ? ` (${kind})` : ""}`;
}

const claimRef = (id: unknown, n: NameLookup) => (typeof id === "string" ? (quote(n.claims?.[id]) ?? "a claim since removed") : "a claim");

/** An audit event of a claim or a proposition in words, with the fields it changed. */
export function describeAuditEvent(e: AuditRecord, n: NameLookup = {}): HistoryDiff {
  const before = isObj(e.before) ? e.before : null;
  const after = isObj(e.after) ? e.after : null;
  const summary = ACTIONS[e.action] ?? fallbackWords(e.action);
  if (e.action === "annotation.reanchor") {
    const outcome = str(after?.outcome);
    const reason = str(after?.reason);
    const how = outcome ? (OUTCOMES[outcome] ?? lower(outcome)) : "re-anchored";
    return {
      summary: `A text correction re-anchored the claim (${how}${reason ? `: ${reason}` : ""})`,
      changes: diffSnapshots(ANNOTATION_FIELDS, before, after, n),
    };
  }
  // A delete or restore changes no field: the snapshot is the whole claim, not a difference.
  if (["annotation.delete", "annotation.restore", "proposition.delete"].includes(e.action)) return { summary, changes: [] };
  if (e.action === "annotation.bulk_import") return { summary: "Imported claims from a file", changes: [] };
  if (e.entityType === "Annotation") return { summary, changes: diffSnapshots(ANNOTATION_FIELDS, before, after, n) };
  if (e.action.startsWith("mention.")) return describeMention(e.action, summary, before, after, n);
  if (e.action === "proposition.merge") {
    const moved = typeof after?.moved === "number" ? after.moved : 0;
    return {
      summary: `Merged ${quote(str(before?.statement)) ?? "another proposition"} into this one (${moved} claim${moved === 1 ? "" : "s"} moved)`,
      changes: [],
    };
  }
  if (e.action === "proposition.create") {
    const first = isObj(after?.firstMention) ? after.firstMention : null;
    const changes = diffSnapshots(PROPOSITION_FIELDS, null, after, n).filter((c) => c.field !== "Same values");
    if (first) changes.push({ field: "First claim", before: null, after: `${claimRef(first.annotationId, n)} (${lower(first.stance) ?? "?"})` });
    return { summary, changes };
  }
  if (e.entityType === "Proposition") return { summary, changes: diffSnapshots(PROPOSITION_FIELDS, before, after, n) };
  return { summary, changes: [] };
}

function describeMention(action: string, summary: string, before: Obj | null, after: Obj | null, n: NameLookup): HistoryDiff {
  const annotationId = after?.annotationId ?? before?.annotationId;
  const claim = claimRef(annotationId, n);
  if (action === "mention.restance") return { summary, changes: [{ field: `Stance of ${claim}`, before: lower(before?.stance), after: lower(after?.stance) }] };
  if (action === "mention.unlink") return { summary, changes: [{ field: "Claim", before: claim, after: null }] };
  return { summary, changes: [{ field: "Claim", before: null, after: `${claim} (${lower(after?.stance) ?? "?"})` }] };
}

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
