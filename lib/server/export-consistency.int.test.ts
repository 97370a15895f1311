// An export is one snapshot of the workspace, and a bad request is refused before any file starts.
import pg from "pg";
import { getDb, snapshotConnection } from "@/lib/db/client";
import { readSnapshot } from "@/lib/db/snapshot";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as exportRoute from "@/app/api/v1/workspaces/[workspaceId]/exports/[format]/route";
import { quoteSpan } from "@/lib/domain/anchoring";
import type { ExportMention } from "@/lib/domain/export/records";
import { createAnnotation, deleteAnnotation } from "@/lib/server/annotations";
import { createApiToken } from "@/lib/server/api-tokens";
import { mentionExport } from "@/lib/server/export-stream";
import { exportMentions, exportPropositions, parseScope } from "@/lib/server/exports";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { listClaimTypes } from "@/lib/server/workspaces";
import { importPassages, newUser, type TestUser } from "@/lib/test/helpers";
import { call, type Handler } from "@/lib/test/api-client";
import type { ExportScope } from "@/lib/validation/exports";

vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];

describe("an export taken while claims are written", () => {
  let owner: TestUser;
  let passage: { id: string; text: string };
  let claimTypeId: string;
  let propositionId: string;
  const mark = async (quote: string) =>
    createAnnotation(owner.actor, { passageId: passage.id, ...quoteSpan(passage.text, quote), exact: quote, claimTypeId, modality: "ASSERTED" });

  beforeAll(async () => {
    owner = await newUser("Snapshot desk");
    claimTypeId = (await listClaimTypes(owner.actor))[0]!.id;
    const { passages } = await importPassages(owner, `${WORDS.map((w) => `${w} said it`).join(", ")}.`, {
      title: "Snapshot",
      publisher: "Outlet",
      publishedAt: "2024-05-01",
    });
    passage = passages[0]!;
    const first = await mark("alpha said it");
    propositionId = (await createPropositionFromClaim(owner.actor, { annotationId: first.id, statement: "It was said", stance: "SUPPORTS" })).id;
    for (const w of WORDS.slice(1, 7)) {
      const c = await mark(`${w} said it`);
      await linkMention(owner.actor, { annotationId: c.id, propositionId, stance: "SUPPORTS" });
    }
  });

  it("contains none of the claims written between its batches and agrees with itself", async () => {
    const before: ExportMention[] = [];
    for await (const m of exportMentions(owner.actor, parseScope({}))) before.push(m);
    expect(before).toHaveLength(7);
    const verdictBefore = before[0]!.propositions[0]!.verdictSentence;

    const reading = exportMentions(owner.actor, parseScope({}), { batchSize: 2 });
    const got: ExportMention[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await reading.next();
      if (!r.done) got.push(r.value);
    }
    // Between batches: three new claims on the same proposition, and the last claim read by id deleted.
    const added: string[] = [];
    for (const w of WORDS.slice(7)) {
      const c = await mark(`${w} said it`);
      await linkMention(owner.actor, { annotationId: c.id, propositionId, stance: "REFUTES" });
      added.push(c.id);
    }
    const last = before.at(-1)!;
    await deleteAnnotation(owner.actor, last.annotationId, 1);
    for await (const m of reading) got.push(m);

    expect(got.map((m) => m.annotationId)).toEqual(before.map((m) => m.annotationId));
    expect(got.some((m) => added.includes(m.annotationId))).toBe(false);
    // Every record states the proposition's verdict as it stood when the export began.
    expect(new Set(got.flatMap((m) => m.propositions.map((p) => p.verdictSentence)))).toEqual(new Set([verdictBefore]));

    // The writes did happen: the next export sees them.
    const after: ExportMention[] = [];
    for await (const m of exportMentions(owner.actor, parseScope({}), { batchSize: 2 })) after.push(m);
    expect(after).toHaveLength(7 + added.length - 1);
    expect(after.map((m) => m.annotationId)).not.toContain(last.annotationId);
    expect(after[0]!.propositions[0]!.verdictSentence).not.toBe(verdictBefore);
  });

  it("gathers every mention of a proposition across small batches, all with its one verdict", async () => {
    const [p] = await exportPropositions(owner.actor, parseScope({ propositionIds: propositionId }), { batchSize: 3 });
    expect(p?.mentions.length).toBe(9);
    expect(new Set(p?.mentions.flatMap((m) => m.propositions.map((l) => l.verdictSentence)))).toEqual(new Set([p?.verdictSentence]));
  });

  it("ends its transaction when the download is cancelled", async () => {
    const res = await mentionExport(owner.actor, "jsonl", parseScope({}), "https://desk.example");
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      let open = -1;
      for (let i = 0; i < 40 && open !== 0; i++) {
        if (i) await new Promise((r) => setTimeout(r, 50));
        const { rows } = await admin.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
        );
        open = rows[0]!.n;
      }
      expect(open).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it("reads its cursor on the snapshot's own connection, inside the snapshot's transaction", async () => {
    const seen = await readSnapshot(async () => {
      const connection = snapshotConnection();
      expect(connection).toBeDefined();
      const [viaClient] = await getDb().$queryRaw<{ pid: number; xact: string }[]>`SELECT pg_backend_pid() AS pid, now()::text AS xact`;
      const viaConnection = (await connection!.query<{ pid: number; xact: string }>("SELECT pg_backend_pid() AS pid, now()::text AS xact")).rows[0];
      return { viaClient, viaConnection };
    });
    // The same server process, and the same transaction (now() is the transaction's start).
    expect(seen.viaConnection).toEqual(seen.viaClient);
    // Outside a snapshot there is no such connection.
    expect(snapshotConnection()).toBeUndefined();
  });

  it("answers a failing first read as an error, not as a 200 whose file stops after the header", async () => {
    // Past validation (which refuses this date), the query itself fails: that must happen before the status is sent.
    const unchecked = { ...parseScope({}), from: "9999-99-99" } as ExportScope;
    await expect(mentionExport(owner.actor, "csv", unchecked, "https://desk.example")).rejects.toThrow();
  });
});

describe("export filters with dates", () => {
  let ws: string;
  let token: string;
  const get = (format: string, query: string) =>
    call(exportRoute.GET as Handler, `/workspaces/${ws}/exports/${format}?${query}`, { token, params: { workspaceId: ws, format } });

  beforeAll(async () => {
    const owner = await newUser("Date filters");
    ws = owner.workspace.id;
    token = (await createApiToken(owner.actor, { name: "exports", role: "VIEWER" })).token;
    await importPassages(owner, "A paragraph.", { title: "Dated", publishedAt: "2024-02-29" });
  });

  it.each([
    ["from", "9999-99-99"],
    ["from", "2024-13-01"],
    ["to", "2024-02-30"],
    ["to", "2023-02-29"],
    ["from", "2024-2-01"],
  ])("refuses %s=%s with a 422 naming it, for streamed and whole files alike", async (field, value) => {
    for (const format of ["csv", "jsonl", "w3c", "markdown", "claimreview"]) {
      const res = await get(format, `${field}=${value}`);
      expect(res.status, format).toBe(422);
      expect(res.headers.get("content-type"), format).toMatch(/application\/json/);
      expect(res.body.error.code).toBe("validation");
      expect(res.body.error.details.fields[field], format).toMatch(new RegExp(`^${field} must be a real calendar date`));
    }
  });

  it("refuses a range that ends before it starts", async () => {
    const res = await get("csv", "from=2024-03-01&to=2024-02-01");
    expect(res.status).toBe(422);
    expect(res.body.error.details.fields.from).toBe("from (2024-03-01) must be on or before to (2024-02-01)");
  });

  it("accepts real days, a leap day and a one-day range", async () => {
    for (const q of ["from=2024-02-29&to=2024-02-29", "from=2024-01-01", "to=2024-12-31"]) {
      const res = await get("csv", q);
      expect(res.status, q).toBe(200);
    }
  });
});
