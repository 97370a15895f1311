// Live updates on a real PostgreSQL: the outbox, LISTEN/NOTIFY fan-out, resuming with
// Last-Event-ID, two app instances, and a removed member's stream.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireMember } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { deleteAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { EventHub, eventHub, pruneEvents, type LiveEvent } from "@/lib/server/event-hub";
import { listChanges, liveCursor, liveStream } from "@/lib/server/live-stream";
import { removeMember, setMember } from "@/lib/server/workspaces";
import { expectAppError, importPassages, markQuote, newUser, type TestUser } from "@/lib/test/helpers";

const TEXT = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: the minister said shells number ${i} were shipped.`).join("\n\n");

type Frame = { event: string; id?: string; data: string };

/** Read SSE frames from a live stream until `until` says stop (or the stream ends / times out). */
async function readFrames(res: Response, until: (frames: Frame[]) => boolean, timeoutMs = 8000): Promise<Frame[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffer = "";
  const deadline = Date.now() + timeoutMs;
  while (!until(frames)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
    if (chunk === null || chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let cut = buffer.indexOf("\n\n");
    while (cut !== -1) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      cut = buffer.indexOf("\n\n");
      const f: Frame = { event: "message", data: "" };
      let hasData = false;
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) f.event = line.slice(7);
        else if (line.startsWith("id: ")) f.id = line.slice(4);
        else if (line.startsWith("data: ")) {
          f.data += line.slice(6);
          hasData = true;
        }
      }
      if (hasData) frames.push(f);
    }
  }
  void reader.cancel().catch(() => {});
  return frames;
}

const changes = (frames: Frame[]) => frames.filter((f) => f.event === "change").map((f) => JSON.parse(f.data) as LiveEvent);

describe("live updates", () => {
  let owner: TestUser;
  let article: Awaited<ReturnType<typeof importPassages>>;
  let other: Awaited<ReturnType<typeof importPassages>>;

  beforeAll(async () => {
    owner = await newUser("Live owner");
    article = await importPassages(owner, TEXT, { title: "Live article" });
    other = await importPassages(owner, "Another paragraph about a visit to Pyongyang.", { title: "Other article" });
  });

  afterAll(async () => {
    await eventHub().close();
  });

  it("records each write in the outbox, in commit order, and nothing for a refused write", async () => {
    const since = BigInt(await liveCursor(owner.actor));
    const a = await markQuote(owner, article.passages, "shells number 1", "arms_transfer");
    const edit = { id: a.id, version: a.version, claimTypeId: a.claimTypeId, modality: "DENIED" };
    await updateAnnotation(owner.actor, { ...edit, note: "checked" });
    await expectAppError(updateAnnotation(owner.actor, { ...edit, note: "stale" }), "conflict");
    await deleteAnnotation(owner.actor, a.id, a.version + 1);
    const rows = await getDb().changeEvent.findMany({ where: { workspaceId: owner.workspace.id, id: { gt: since } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.kind)).toEqual(["annotation.created", "annotation.updated", "annotation.deleted"]);
    expect(rows.every((r) => r.entityId === a.id && r.articleId === article.articleId && r.actorId === owner.user.id)).toBe(true);
    expect(rows.slice(0, 2).map((r) => r.version)).toEqual([1, 2]);
  });

  it("resumes after Last-Event-ID with exactly the missed events, then live ones, never one twice", async () => {
    const start = await liveCursor(owner.actor);
    const made = [];
    for (const q of ["shells number 2", "shells number 3", "shells number 4"]) made.push(await markQuote(owner, article.passages, q, "arms_transfer"));
    const rows = await getDb().changeEvent.findMany({ where: { workspaceId: owner.workspace.id, id: { gt: BigInt(start) } }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(3);
    // The client saw the first one and reconnects.
    const ctl = new AbortController();
    const res = await liveStream(owner.actor, {}, rows[0]!.id.toString(), ctl.signal);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const later = markQuote(owner, article.passages, "shells number 5", "arms_transfer");
    const frames = await readFrames(res, (f) => changes(f).length >= 3);
    ctl.abort();
    const got = changes(frames);
    const fifth = await later;
    expect(got.map((e) => e.entityId)).toEqual([made[1]!.id, made[2]!.id, fifth.id]);
    expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
    expect(got.map((e) => BigInt(e.id))).toEqual([...got.map((e) => BigInt(e.id))].sort((x, y) => (x < y ? -1 : 1)));
    // Every change frame carries its id, so the browser's Last-Event-ID is always the last one seen.
    expect(frames.filter((f) => f.event === "change").map((f) => f.id)).toEqual(got.map((e) => e.id));
  });

  it("narrows to one article's changes on request", async () => {
    const ctl = new AbortController();
    const res = await liveStream(owner.actor, { articleId: other.articleId }, await liveCursor(owner.actor), ctl.signal);
    await markQuote(owner, article.passages, "shells number 6", "arms_transfer");
    const mine = await markQuote(owner, other.passages, "a visit to Pyongyang", "visit");
    const frames = await readFrames(res, (f) => changes(f).length >= 1);
    ctl.abort();
    expect(changes(frames).map((e) => e.entityId)).toEqual([mine.id]);
  });

  it("pages the same changes as JSON for polling scripts, filters advancing the cursor", async () => {
    const start = await liveCursor(owner.actor);
    const mine = [];
    for (const q of ["shells number 7", "shells number 8", "shells number 9"]) {
      await markQuote(owner, other.passages, "a visit to Pyongyang", "visit");
      mine.push(await markQuote(owner, article.passages, q, "arms_transfer"));
    }
    const first = await listChanges(owner.actor, { after: start, limit: 2, articleId: article.articleId });
    expect(first.items.map((e) => e.entityId)).toEqual([mine[0]!.id, mine[1]!.id]);
    expect(first.nextCursor).toBe(first.items[1]!.id);
    const second = await listChanges(owner.actor, { after: first.nextCursor!, limit: 2, articleId: article.articleId });
    expect(second.items.map((e) => e.entityId)).toEqual([mine[2]!.id]);
    expect(second.nextCursor).toBeNull();
    // Caught up: polling from `position` returns nothing until something new happens.
    expect((await listChanges(owner.actor, { after: second.position, limit: 100 })).items).toEqual([]);
  });

  it("prunes old events and tells a client resuming from before them to reload, instead of replaying a gap", async () => {
    const who = await newUser("Pruned desk");
    const doc = await importPassages(who, "The envoy arrived in Moscow on Tuesday.", { title: "Pruned" });
    const a = await markQuote(who, doc.passages, "arrived in Moscow", "visit");
    const rows = await getDb().changeEvent.findMany({ where: { workspaceId: who.workspace.id }, orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // Age all but the newest past the retention window.
    const old = rows.slice(0, -1).map((r) => r.id);
    await getDb().changeEvent.updateMany({ where: { id: { in: old } }, data: { at: new Date(Date.now() - 8 * 86_400_000) } });
    expect(await pruneEvents()).toBeGreaterThanOrEqual(1);
    expect(await getDb().changeEvent.count({ where: { id: { in: old } } })).toBe(0);
    expect((await getDb().workspace.findUniqueOrThrow({ where: { id: who.workspace.id } })).eventsPrunedTo).toBe(old.at(-1));

    const ctl = new AbortController();
    const res = await liveStream(who.actor, {}, "0", ctl.signal);
    const later = markQuote(who, doc.passages, "on Tuesday", "visit");
    const frames = await readFrames(res, (f) => changes(f).length >= 1);
    ctl.abort();
    expect(frames[0]?.event).toBe("reset");
    // After the reset only what is new comes: not the kept tail the page will reload anyway.
    expect(changes(frames).map((e) => e.entityId)).toEqual([(await later).id]);
    expect((await listChanges(who.actor, { after: "1", limit: 10 })).truncated).toBe(true);
    expect((await listChanges(who.actor, { after: rows.at(-1)!.id.toString(), limit: 10 })).truncated).toBe(false);
    expect(a.id).toBe(rows.at(-1)!.entityId);
  });

  it("refuses a malformed Last-Event-ID with a clear error", async () => {
    const err = await expectAppError(liveStream(owner.actor, {}, "yesterday", new AbortController().signal), "validation");
    expect(err.message).toMatch(/Last-Event-ID/);
  });

  it("delivers every event exactly once, in order, to each of two app instances under concurrent writes", async () => {
    const url = databaseUrl()!;
    const hubs = [new EventHub(url), new EventHub(url)];
    const start = BigInt(await liveCursor(owner.actor));
    const seen: string[][] = [[], []];
    const unsubs = hubs.map((h, i) => h.subscribe(owner.workspace.id, start, (events) => seen[i]!.push(...events.map((e) => e.id))));
    // Ten claims written at once, from concurrent transactions.
    const quotes = Array.from({ length: 10 }, (_, i) => `Paragraph ${i + 1}: the minister said`);
    await Promise.all(quotes.map((q, i) => markQuote(owner, [article.passages[i + 1]!], q, "denial")));
    const expected = (
      await getDb().changeEvent.findMany({ where: { workspaceId: owner.workspace.id, id: { gt: start } }, orderBy: { id: "asc" }, select: { id: true } })
    ).map((r) => r.id.toString());
    expect(expected).toHaveLength(10);
    const deadline = Date.now() + 8000;
    while ((seen[0]!.length < 10 || seen[1]!.length < 10) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    for (const u of unsubs) u();
    await Promise.all(hubs.map((h) => h.close()));
    expect(seen[0]).toEqual(expected);
    expect(seen[1]).toEqual(expected);
  });

  it("ends a removed member's stream at once, with a reason, and they cannot reconnect", async () => {
    const member = await newUser("Live member");
    await setMember(owner.actor, { email: member.email, role: "EDITOR" });
    const memberActor = await requireMember(member.user.id, owner.workspace.id);
    const ctl = new AbortController();
    const res = await liveStream(memberActor, {}, await liveCursor(owner.actor), ctl.signal);
    await removeMember(owner.actor, member.user.id);
    const frames = await readFrames(res, (f) => f.some((x) => x.event === "revoked"));
    ctl.abort();
    const revoked = frames.find((f) => f.event === "revoked");
    expect(revoked, JSON.stringify(frames)).toBeDefined();
    // A code for the interface to say in its language, the English words for a script.
    expect(JSON.parse(revoked!.data)).toEqual({ code: "removed", reason: expect.stringMatching(/no longer a member/) });
    // Nothing after the revocation is sent to them.
    expect(frames.at(-1)!.event).toBe("revoked");
    await expectAppError(requireMember(member.user.id, owner.workspace.id), "not_found");
  });
});
