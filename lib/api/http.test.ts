import { describe, expect, it } from "vitest";
import { assertStorableQuery, COMPRESS_FROM_CHARS, HttpError, json, MAX_BODY_BYTES, readJson } from "@/lib/api/http";
import { toErrorBody } from "@/lib/server/errors";

const post = (body: BodyInit | null, contentType: string | null = "application/json") =>
  new Request("http://localhost/api/v1/x", { method: "POST", body, headers: contentType === null ? {} : { "content-type": contentType } });

/** What the API would answer for what `fn` throws (HttpError carries its own status). */
async function refusal(fn: () => unknown) {
  try {
    await fn();
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, code: err.code, message: err.message, fields: err.details.fields };
    const { status, error } = toErrorBody(err);
    return { status, code: error.code, message: error.message, fields: error.details?.fields };
  }
  return null;
}

describe("readJson", () => {
  it("reads JSON sent as application/json, with parameters or a +json type", async () => {
    expect(await readJson(post('{"a":1}'))).toEqual({ a: 1 });
    expect(await readJson(post('{"a":1}', "Application/JSON; charset=utf-8"))).toEqual({ a: 1 });
    expect(await readJson(post('{"a":1}', "application/merge-patch+json"))).toEqual({ a: 1 });
  });

  it.each([
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
    ["no Content-Type", null],
    ["a JSON look-alike", "application/jsonx"],
  ])("answers 415 for %s, naming application/json", async (_label, contentType) => {
    expect(await refusal(() => readJson(post('{"a":1}', contentType)))).toMatchObject({
      status: 415,
      code: "unsupported_media_type",
      message: expect.stringMatching(/^Send the body as JSON with Content-Type: application\/json/),
    });
  });

  it.each([
    ["an empty body", "", 400, "Request body is empty; send a JSON object"],
    ["no body at all", null, 400, "Request body is empty; send a JSON object"],
    ["malformed JSON", '{"text": "unterminated', 400, "Request body is not valid JSON"],
    ["trailing garbage", '{"a":1} x', 400, "Request body is not valid JSON"],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), 400, "Request body is not valid UTF-8"],
    ["a body over the limit", JSON.stringify({ text: "x".repeat(MAX_BODY_BYTES) }), 413, "Request body is larger than the 5 MB limit"],
  ])("answers %s with %i", async (_label, body, status, message) => {
    expect(await refusal(() => readJson(post(body)))).toMatchObject({ status, message });
  });

  it("answers 422 naming the field for a NUL or a lone surrogate sent as a JSON escape", async () => {
    expect(await refusal(() => readJson(post('{"speakers":[{"name":"Kim\\u0000"}]}')))).toMatchObject({
      status: 422,
      fields: { "speakers.0.name": expect.stringMatching(/NUL character/) },
    });
    expect(await refusal(() => readJson(post('{"note":"\\ud83d"}')))).toMatchObject({
      status: 422,
      fields: { note: expect.stringMatching(/unpaired surrogate/) },
    });
    expect(await readJson(post('{"note":"\\ud83d\\ude80"}'))).toEqual({ note: "🚀" });
  });
});

describe("assertStorableQuery", () => {
  const query = (q: string) => () => assertStorableQuery(new Request(`http://localhost/api/v1/x?${q}`));

  it.each(["q=Kim", "q=100%", "q=%zz", "q=a+b", `q=${encodeURIComponent("Nhượng bộ 🚀")}`, "q=", "q", "&&", "a=1&a=2"])("lets %s through", async (q) => {
    expect(await refusal(query(q))).toBeNull();
  });

  it.each([
    ["a NUL in a value", "q=Kim%00", "q", /NUL character/],
    ["a NUL in a name", "q%00=Kim", "q\\u0000", /NUL character/],
    ["a UTF-8-encoded surrogate", "q=%ED%A0%80", "q", /not valid UTF-8/],
    ["a cut-off UTF-8 sequence", "limit=1&q=%C3", "q", /not valid UTF-8/],
    ["a byte that is never UTF-8", "kind=%FF", "kind", /not valid UTF-8/],
  ])("answers 422 for %s, naming the parameter", async (_label, q, field, message) => {
    const r = await refusal(query(q));
    expect(r).toMatchObject({ status: 422, code: "validation" });
    expect(r?.fields).toEqual({ [field]: expect.stringMatching(message) });
  });
});

describe("json", () => {
  it("leaves a small answer uncompressed (no-transform) and lets a large one be compressed", async () => {
    const small = json({ id: "a", note: "x".repeat(100) }, 201);
    expect(small.status).toBe(201);
    expect(small.headers.get("content-type")).toBe("application/json");
    expect(small.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(await small.json()).toEqual({ id: "a", note: "x".repeat(100) });

    const large = json({ items: ["y".repeat(COMPRESS_FROM_CHARS)] });
    expect(large.headers.get("cache-control")).toBe("no-store");
    expect((await large.json()).items[0]).toHaveLength(COMPRESS_FROM_CHARS);
  });

  it("keeps the headers it is given, a caller's Cache-Control included", () => {
    const res = json({ error: "busy" }, 503, { "Retry-After": "5", "Cache-Control": "no-store" });
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
