import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, PASSWORD_HASH_COST, passwordMatches } from "@/lib/auth/passwords";

async function medianMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

describe("password hashing", () => {
  it("uses a real bcrypt hash of the stored cost as the stand-in for unknown emails", async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy).toMatch(/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.getRounds(dummy)).toBe(PASSWORD_HASH_COST);
    expect(bcrypt.getRounds(await hashPassword("correct horse"))).toBe(PASSWORD_HASH_COST);
  });

  it("spends as long on an unknown email as on a wrong password for a real one", async () => {
    const stored = await hashPassword("correct horse");
    const known = await medianMs(5, () => passwordMatches("wrong password", stored));
    const unknown = await medianMs(5, () => passwordMatches("wrong password", null));
    // A malformed stand-in (the old one) made bcryptjs return at once: ~0 ms against ~50–90 ms.
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it("matches only the right password, and never without a stored hash", async () => {
    const stored = await hashPassword("correct horse");
    expect(await passwordMatches("correct horse", stored)).toBe(true);
    expect(await passwordMatches("correct horsE", stored)).toBe(false);
    expect(await passwordMatches("correct horse", null)).toBe(false);
  });
});
