import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, isCommonPassword, PASSWORD_HASH_COST, passwordMatches } from "@/lib/auth/passwords";

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
    // The same form as a new password's hash: marker, then a well-formed bcrypt hash.
    const [marker, bcryptHash] = [dummy.slice(0, dummy.indexOf("$2")), dummy.slice(dummy.indexOf("$2"))];
    expect(marker).toBe((await hashPassword("correct horse")).split("$2")[0]);
    expect(bcryptHash).toMatch(/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.getRounds(bcryptHash)).toBe(PASSWORD_HASH_COST);
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

describe("passwords past bcrypt's 72 bytes, and hashes made before", () => {
  it("tells apart two long passwords that share their first 72 bytes (bcrypt alone would not)", async () => {
    const head = "Đường đến Bình Nhưỡng dài ".repeat(3);
    expect(new TextEncoder().encode(head).length).toBeGreaterThan(72);
    const stored = await hashPassword(`${head}một`);
    expect(await passwordMatches(`${head}một`, stored)).toBe(true);
    expect(await passwordMatches(`${head}hai`, stored)).toBe(false);
    // The same text typed in decomposed form (NFD) is the same password.
    expect(await passwordMatches(`${head}một`.normalize("NFD"), stored)).toBe(true);
    expect(bcrypt.getRounds(stored.slice(stored.indexOf("$2")))).toBe(PASSWORD_HASH_COST);
  });

  it("still matches plain bcrypt hashes stored before (the demo seed's form)", async () => {
    const legacy = await bcrypt.hash("demo-desk-2026", PASSWORD_HASH_COST);
    expect(await passwordMatches("demo-desk-2026", legacy)).toBe(true);
    expect(await passwordMatches("demo-desk-2027", legacy)).toBe(false);
    expect(await hashPassword("demo-desk-2026")).not.toMatch(/^\$2[aby]\$/);
  });
});

describe("the bundled list of breached passwords", () => {
  it.each(["qwertyuiop123", "PASSWORD1234", "1qaz2wsx3edc", "iloveyou2026!", "!!monkey123456", "dragondragon", "aaaaaaaaaaaa", "abcabcabcabc", "123456789012"])(
    "refuses %s",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(["correct horse", "demo-desk-2026", "e2e-password-1", "a new passphrase", "Bình Nhưỡng 2024", "password manager says hi"])(
    "accepts %s",
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});
