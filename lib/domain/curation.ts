// What differs between the annotators' claims of one unit, for the curation view.

type UnitClaim = {
  start: number;
  end: number;
  claimTypeId: string;
  modality: string;
  speakers: { type: string; id: string }[];
  actorEntities: { id: string }[];
  actors: string[];
  fields: unknown;
  note: string | null;
};

export type UnitDifferences = {
  span: boolean;
  claimType: boolean;
  speaker: boolean;
  modality: boolean;
  details: boolean;
  /** Some annotator has no claim in this unit. */
  missing: boolean;
  /** Every annotator marked it, the same way in every respect above. */
  agreed: boolean;
};

const detailsKey = (c: UnitClaim) => {
  const f = (c.fields ?? {}) as { dateValue?: string; datePrecision?: string; quantities?: { value: string; item?: string }[]; item?: string };
  return JSON.stringify([
    f.dateValue ?? null,
    f.datePrecision ?? null,
    (f.quantities ?? []).map((q) => [q.value.trim(), q.item?.trim() ?? null]),
    f.item?.trim() ?? null,
    c.actorEntities.map((a) => a.id),
    [...c.actors].map((a) => a.trim()).sort(),
  ]);
};

/** Compare the claims of a unit field by field; `annotators` is how many annotate the session. */
export function unitDifferences(claims: readonly UnitClaim[], annotators: number): UnitDifferences {
  const differs = (key: (c: UnitClaim) => string) => new Set(claims.map(key)).size > 1;
  const out = {
    span: differs((c) => `${c.start}:${c.end}`),
    claimType: differs((c) => c.claimTypeId),
    speaker: differs((c) => c.speakers.map((s) => `${s.type}:${s.id}`).join("|")),
    modality: differs((c) => c.modality),
    details: differs(detailsKey),
    missing: claims.length < annotators,
  };
  return { ...out, agreed: !Object.values(out).some(Boolean) && claims.length > 0 };
}
