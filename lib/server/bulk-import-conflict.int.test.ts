import { describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/server/bulk-import-write";
import { newUser } from "@/lib/test/helpers";

// The set-based bulk writes are raw SQL: a unique clash there must still be the 409 the file import promises.
describe("a unique clash inside a bulk import transaction", () => {
  it("is a conflict, also from raw SQL", async () => {
    const o = await newUser("Clash");
    const err = await inTransaction("f.jsonl", async (tx) => {
      await tx.$executeRaw`INSERT INTO "Article" (id, "workspaceId", title, "contentHash", "updatedAt") VALUES (gen_random_uuid(), ${o.workspace.id}::uuid, 'a', 'h', now()), (gen_random_uuid(), ${o.workspace.id}::uuid, 'b', 'h', now())`;
    }).catch((e) => e);
    expect(err.code).toBe("conflict");
  });
});
