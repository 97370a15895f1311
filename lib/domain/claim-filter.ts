// The comparison filters, applied the same way by the matrix, the reports and the exports.
// Claim type and verdict choose propositions; source, dates, session and entity choose mentions
// (a proposition is shown when at least one of its mentions matches).

/** What a filter can see of one mention. Ids are of this workspace; dates YYYY-MM-DD. */
export type MentionFacts = {
  articleId: string;
  /** The annotation session the claim was made in, if any. */
  sessionId: string | null;
  publishedAt: string | null;
  publisherId: string | null;
  originIds: string[];
  speakerSourceIds: string[];
  speakerEntityIds: string[];
  actorEntityIds: string[];
  /** Free-text actors, folded (foldForMatch). */
  actorTexts: string[];
};

/** The mention-level filters, resolved against the workspace. */
export type MentionFilter = {
  sourceId?: string;
  from?: string;
  to?: string;
  entityId?: string;
  /** Folded aliases of `entityId`: a free-text actor naming it by alias matches. */
  entityAliasKeys?: ReadonlySet<string>;
  /** Claims made in this annotation session (its annotators' and its reconciled ones); null when the session does not exist (nothing matches). */
  sessionId?: string | null;
};

/** Whether any mention-level filter is set (an unset one matches everything). */
export function hasMentionFilter(f: MentionFilter): boolean {
  return Boolean(f.sourceId || f.from || f.to || f.entityId || f.sessionId !== undefined);
}

/** Whether one mention passes the mention-level filters. */
export function mentionMatches(f: MentionFilter, m: MentionFacts): boolean {
  if (f.sessionId === null) return false;
  if (f.sessionId && m.sessionId !== f.sessionId) return false;
  if (f.sourceId && m.publisherId !== f.sourceId && !m.originIds.includes(f.sourceId) && !m.speakerSourceIds.includes(f.sourceId)) return false;
  if ((f.from || f.to) && !m.publishedAt) return false;
  if (f.from && m.publishedAt! < f.from) return false;
  if (f.to && m.publishedAt! > f.to) return false;
  if (f.entityId) {
    const named = m.speakerEntityIds.includes(f.entityId) || m.actorEntityIds.includes(f.entityId) || m.actorTexts.some((t) => f.entityAliasKeys?.has(t));
    if (!named) return false;
  }
  return true;
}
