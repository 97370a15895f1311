import { z } from "zod";
import type { SessionState } from "@/lib/domain/session-plan";
import type { BodySpec } from "@/lib/api/http";
import { dbIntQuery } from "@/lib/validation/numbers";
import { responses } from "@/lib/api/schemas";
import {
  agreementQuerySchema,
  ASSIGNMENT_STATUSES,
  assignmentStatusSchema,
  assignSchema,
  createSessionSchema,
  decisionSchema,
  SESSION_MODES,
  sessionStateSchema,
  updateSessionSchema,
} from "@/lib/validation/sessions";

// Annotation sessions (issue 10): bodies, queries and responses, apart from lib/api/schemas so
// neither grows past a readable size. Bodies are lib/validation/sessions' own schemas, made strict.

const id = z.string().uuid();
const ts = z.iso.datetime();
const int = z.number().int();
const ref = z.object({ id, name: z.string() });

export const SESSION_STATES = ["open", "blind", "revealed", "closed"] as const satisfies readonly SessionState[];

/** Path ids the service checks itself, so a malformed one is that record's own "not found". */
const checkedByService = (description: string) => z.string().meta({ format: "uuid", description });

export const sessionPathParams = {
  articleId: checkedByService("Article id (one of the session's articleIds)"),
  decisionId: checkedByService("Decision id (units[].decision.id in the curation)"),
};

export const sessionBodies = {
  createSession: { schema: createSessionSchema.strict() },
  /** Partial: fields left out keep their value; `version` is the one the edit started from. */
  updateSession: { schema: updateSessionSchema.strict(), fromPath: { id: "id" } },
  assignSession: { schema: assignSchema.strict(), fromPath: { id: "id" } },
  assignmentStatus: { schema: assignmentStatusSchema.strict() },
  /** Reveal, close and reopen: the version as read. */
  sessionState: { schema: sessionStateSchema.strict(), fromPath: { id: "id" } },
  decideUnit: { schema: decisionSchema.strict() },
} satisfies Record<string, BodySpec>;

export const sessionQueries = {
  deleteSession: z.object({ version: dbIntQuery("version", 1).describe("The session's version as read") }),
  /** What the agreement route parses; documented here, read by its hand-written handler. */
  agreement: z.object({
    format: agreementQuerySchema.shape.format.unwrap().optional().describe("csv: the same figures as a CSV file (as with Accept: text/csv); default json"),
  }),
};

const state = z
  .enum(SESSION_STATES)
  .describe("open; blind (claims hidden from each other until revealed); revealed (was blind); closed (its reconciled claims count)");

const session = z.object({
  id,
  name: z.string(),
  guidelines: z.string().describe("Markdown, shown as text (no HTML)"),
  mode: z.enum(SESSION_MODES),
  dueAt: ts.nullable(),
  articleIds: z.array(id).describe("In the session's order"),
  createdById: id.nullable().describe("Its creator, who manages it (with the workspace's owners)"),
  revealedAt: ts.nullable(),
  closedAt: ts.nullable(),
  version: int.describe("Send it back with every change to the session"),
  createdAt: ts,
  updatedAt: ts,
  state,
  annotators: z.array(ref),
  reviewers: z.array(ref),
  you: z
    .object({
      manage: z.boolean().describe("Edit, assign, reveal, close, reopen, delete"),
      adjudicate: z.boolean().describe("Curate: accept or reject its units"),
      annotate: z.boolean().describe("Mark claims in it"),
      annotator: z.boolean().describe("You are one of its annotators"),
    })
    .describe("What you may do with it"),
});

const score = z.number().nullable();
const byLabel = z.object({ claimType: score, speaker: score, modality: score });
const spanScores = z.object({
  precision: score.describe("matched / bCount"),
  recall: score.describe("matched / aCount"),
  f1: score.describe("2·matched / (aCount + bCount)"),
  matched: int,
  aCount: int,
  bCount: int,
});
const pair = z.object({
  a: id.describe("Annotator a (the lower id): the reference for precision and recall"),
  b: id,
  exact: spanScores.describe("Spans matched only when start and end are equal"),
  overlap: spanScores.describe("Spans matched when they overlap (one claim per unit and annotator)"),
  character: score.describe("Dice over the characters each covers: 2|A∩B| / (|A| + |B|)"),
  cohen: byLabel.describe("Cohen's kappa per label on the pair's overlap-matched units"),
  units: int.describe("Units holding a claim of both: what Cohen's kappa is computed on"),
  unitizingAlpha: score.describe("Krippendorff's binary unitizing alpha (uα) of the two"),
});
const group = z.object({
  alpha: byLabel.describe("Krippendorff's alpha (nominal) per label; an annotator with no claim in a unit is a missing value"),
  fleiss: byLabel.describe("Fleiss' kappa per label on the units every annotator marked"),
  unitizingAlpha: score.describe("uα over every paragraph; null with more than two annotators"),
  meanF1: z.object({ exact: score, overlap: score }).describe("Mean pairwise F1"),
  units: z.object({ exact: int, overlap: int }).describe("Units formed from all the claims in each matching mode"),
  claims: int,
});

const decisionKind = z.enum(["ACCEPTED", "REJECTED"]);
const unit = z.object({
  key: z.string().describe("The unit's claim ids, sorted, joined by +"),
  passageId: id,
  start: int.describe("The union span of its claims, in code points"),
  end: int,
  claims: z.array(responses.annotation).describe("At most one claim per annotator"),
  missing: z.array(id).describe("Annotators with no claim in it"),
  differences: z
    .object({
      span: z.boolean(),
      claimType: z.boolean(),
      speaker: z.boolean(),
      modality: z.boolean(),
      details: z.boolean(),
      missing: z.boolean(),
      agreed: z.boolean().describe("Every annotator marked it, the same way in every respect"),
    })
    .describe("Where its claims differ"),
  decision: z
    .object({ id, decision: decisionKind, chosenId: id.nullable(), result: responses.annotation.nullable(), decidedById: id, decidedAt: ts })
    .nullable()
    .describe("null while undecided; result is the reconciled claim an acceptance made"),
  within: z.string().nullable().describe("The key of a longer unit containing this one (nested claims)"),
});

export const sessionResponses = {
  sessions: z.object({ items: z.array(session.extend({ progress: z.object({ assignments: int, done: int }) })) }),
  session: session.extend({
    articles: z.array(
      z.object({
        id,
        title: z.string(),
        language: z.string().nullable(),
        claims: int.describe("The annotators' claims"),
        reconciled: int.describe("Its reconciled claims"),
        decisions: int,
      }),
    ),
    assignments: z.array(z.object({ articleId: id, userId: id, status: z.enum(ASSIGNMENT_STATUSES), updatedAt: ts, claims: int })),
    progress: z.array(z.object({ user: ref, assigned: int, todo: int, inProgress: int, done: int, claims: int })).describe("Per annotator"),
  }),
  deleted: z.object({ id }),
  agreement: z.object({
    session: z.object({ id, name: z.string(), state }),
    annotators: z.array(ref),
    articles: z.array(z.object({ id, title: z.string() })),
    claims: int.describe("The annotators' claims compared"),
    report: z.object({
      annotators: z.array(id),
      overall: group,
      pairs: z.array(pair).describe("Every pair of annotators (a < b)"),
      articles: z.array(z.object({ articleId: id, overall: group, pairs: z.array(pair) })),
    }),
  }),
  curation: z.object({
    session: z.object({ id, name: z.string(), state, closed: z.boolean() }),
    article: z.object({ id, title: z.string(), language: z.string().nullable() }),
    passages: z.array(z.object({ id, position: int, text: z.string() })),
    annotatorIds: z.array(id),
    units: z.array(unit).describe("In text order"),
    reconciled: z.array(responses.annotation).describe("The session's reconciled claims on this article"),
    counts: z.object({ units: int, decided: int }),
  }),
  decided: z.object({ id, decision: decisionKind, resultId: id.nullable().describe("The reconciled claim (accept)") }),
  undone: z.object({ id }),
};
