// Exports running at once are limited, so a few large downloads cannot take the pool from everyone.
import { describe, expect, it, vi } from "vitest";
import * as exportRoute from "@/app/api/v1/workspaces/[workspaceId]/exports/[format]/route";
import { env } from "@/lib/env";
import { createApiToken } from "@/lib/server/api-tokens";
import { EXPORT_RETRY_AFTER_SECONDS } from "@/lib/server/export-limit";
import { mentionExport } from "@/lib/server/export-stream";
import { parseScope } from "@/lib/server/exports";
import { call, type Handler } from "@/lib/test/api-client";
import { importPassages, newUser } from "@/lib/test/helpers";

vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

describe("concurrent exports", () => {
  it("refuses one more than a workspace may run with a 429 and Retry-After, and frees the slot when a download ends", async () => {
    const owner = await newUser("Busy desk");
    const ws = owner.workspace.id;
    await importPassages(owner, "A paragraph.", { title: "Busy" });
    const token = (await createApiToken(owner.actor, { name: "exports", role: "VIEWER" })).token;
    const get = (format: string) => call(exportRoute.GET as Handler, `/workspaces/${ws}/exports/${format}`, { token, params: { workspaceId: ws, format } });

    // Downloads started and not yet read hold their slots.
    const held = [];
    for (let i = 0; i < env.EXPORTS_PER_WORKSPACE; i++) held.push(await mentionExport(owner.actor, "csv", parseScope({}), "https://desk.example"));
    for (const format of ["jsonl", "markdown"]) {
      const refused = await get(format);
      expect(refused.status, format).toBe(429);
      expect(refused.headers.get("retry-after"), format).toBe(String(EXPORT_RETRY_AFTER_SECONDS));
      expect(refused.body.error.message, format).toMatch(/already has \d+ exports? running/);
    }
    // Another workspace is not held up by this one.
    const other = await newUser("Quiet desk");
    expect((await mentionExport(other.actor, "csv", parseScope({}), "https://desk.example").then((r) => r.text())).length).toBeGreaterThan(0);

    // One read to its end, one cancelled: both slots come back.
    await held[0]!.text();
    await held[1]?.body?.cancel();
    const again = await get("jsonl");
    expect(again.status).toBe(200);
    expect((await get("markdown")).status).toBe(200);
  });
});
