// A refused date or count is explained in the language the client asks for (Accept-Language),
// the parser's reason included, with the same code and fields whatever the language.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as route from "@/app/api/v1/workspaces/[workspaceId]/annotations/route";
import { quoteSpan } from "@/lib/domain/anchoring";
import { createApiToken } from "@/lib/server/api-tokens";
import { listClaimTypes } from "@/lib/server/workspaces";
import { call, type Handler } from "@/lib/test/api-client";
import { at, importPassages, newUser } from "@/lib/test/helpers";
import en from "@/messages/en.json";
import viCatalogue from "@/messages/vi.json";

vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

const TEXT = "Ngày 13/9, Triều Tiên chuyển 1.000 container đạn cho Nga.";

describe("refusals of a claim's date and counts, in the client's language", () => {
  let ws: string;
  let token: string;
  let claim: Record<string, unknown>;

  beforeAll(async () => {
    const owner = await newUser("Error language desk");
    ws = owner.workspace.id;
    token = (await createApiToken(owner.actor, { name: "errors", role: "EDITOR" })).token;
    const passage = at((await importPassages(owner, TEXT, { title: "Đạn" })).passages, 0);
    const quote = "Triều Tiên chuyển 1.000 container đạn cho Nga";
    claim = {
      passageId: passage.id,
      ...quoteSpan(passage.text, quote)!,
      exact: quote,
      claimTypeId: at(await listClaimTypes(owner.actor), 0).id,
      modality: "ASSERTED",
    };
  });

  const post = (fields: Record<string, unknown>, language: string) =>
    call(route.POST as Handler, `/workspaces/${ws}/annotations`, {
      token,
      method: "POST",
      params: { workspaceId: ws },
      headers: { "accept-language": language },
      body: { ...claim, fields },
    });

  it("says an unreadable date in Vietnamese, reason and field alike, and in English otherwise", async () => {
    const viRes = await post({ date: "hôm kia" }, "vi-VN,vi;q=0.9");
    const enRes = await post({ date: "hôm kia" }, "en-US");
    expect(viRes.status).toBe(422);
    expect(enRes.status).toBe(422);
    expect(viRes.body.error.code).toBe(enRes.body.error.code);
    expect(enRes.body.error.message).toMatch(/^Date: /);
    const reason = viRes.body.error.details.fields["fields.date"] as string;
    expect(viRes.body.error.message).toBe(`Ngày: ${reason}`);
    // Each catalogue's own sentence, not the parser's English in both.
    expect(reason).toBe(viCatalogue.reader.form.reading.problem.notADate);
    expect(enRes.body.error.details.fields["fields.date"]).toBe(en.reader.form.reading.problem.notADate);
  });

  it("fills the reason's figures in each language", async () => {
    const viRes = await post({ date: "31/4/2023" }, "vi");
    const enRes = await post({ date: "31/4/2023" }, "en");
    expect(viRes.body.error.details.fields["fields.date"]).toBe("tháng 4 năm 2023 có 30 ngày");
    expect(enRes.body.error.details.fields["fields.date"]).toBe("April 2023 has 30 days");
  });

  it("says an unreadable count in Vietnamese with the count as written", async () => {
    const res = await post({ quantities: [{ value: "nhiều", item: "container" }] }, "vi");
    expect(res.status).toBe(422);
    const reason = res.body.error.details.fields["fields.quantities.0.value"] as string;
    expect(res.body.error.message).toBe(`Số lượng “nhiều”: ${reason}`);
    expect(reason).toBe(viCatalogue.reader.form.reading.problem.noNumber);
  });
});
