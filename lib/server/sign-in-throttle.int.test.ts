import bcrypt from "bcryptjs";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { DELAY, reserveAttempt, type ThrottleRule } from "@/lib/server/sign-in-throttle";
import { attemptSignIn, SIGN_IN_LIMIT, signInRules, type SignInOutcome } from "@/lib/server/users";
import { newUser } from "@/lib/test/helpers";

// Every bcrypt comparison is one evaluated password; the throttle must decide before any of them.
const compare = vi.spyOn(bcrypt, "compare");
afterAll(() => {
  compare.mockRestore();
});
beforeEach(() => {
  compare.mockClear();
});

// Each test runs at its own (injected) hour, so the site-wide counter's one-minute window and the
// 15-minute account windows never carry over from one test to the next.
let hour = 0;
function clock() {
  hour += 2;
  return Date.now() + hour * 3600_000;
}
let n = 0;
const address = () => `198.51.100.${++n}`;

const count = (outcomes: SignInOutcome[], kind: SignInOutcome["outcome"]) => outcomes.filter((o) => o.outcome === kind).length;
const row = (key: string) => getDb().signInThrottle.findUnique({ where: { key } });

function burst(email: string, passwords: string[], client: string, at: number) {
  return Promise.all(passwords.map((p) => attemptSignIn(email, p, { client, now: new Date(at) })));
}

describe("sign-in throttle, on a real PostgreSQL", () => {
  it("compares at most the limit of 64 parallel wrong passwords and refuses the rest uncompared", async () => {
    const { email } = await newUser("Burst");
    const t0 = clock();
    const outcomes = await burst(email, Array(64).fill("wrong password"), address(), t0);
    expect(count(outcomes, "wrong")).toBe(SIGN_IN_LIMIT.failures);
    expect(count(outcomes, "throttled")).toBe(64 - SIGN_IN_LIMIT.failures);
    expect(compare).toHaveBeenCalledTimes(SIGN_IN_LIMIT.failures);
  });

  it("refuses the right password inside a burst past the limit, and takes it after the delay", async () => {
    const { email } = await newUser("Inside");
    const client = address();
    const t0 = clock();
    await burst(email, Array(64).fill("wrong password"), client, t0);
    compare.mockClear();

    const second = await burst(email, [...Array(31).fill("wrong password"), "correct horse", ...Array(32).fill("wrong password")], client, t0 + 500);
    expect(count(second, "throttled")).toBe(64);
    expect(compare).not.toHaveBeenCalled();
    const refused = second[31];
    if (refused?.outcome !== "throttled") throw new Error("expected the right password to be refused");
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(DELAY.maxMs / 1000);

    const later = await attemptSignIn(email, "correct horse", { client, now: new Date(t0 + DELAY.firstMs) });
    expect(later.outcome).toBe("ok");
    // The success cleared this client's count for the account: a new burst gets the limit again, no more.
    compare.mockClear();
    const third = await burst(email, Array(64).fill("wrong password"), client, t0 + DELAY.firstMs + 1);
    expect(count(third, "wrong")).toBe(SIGN_IN_LIMIT.failures);
    expect(compare).toHaveBeenCalledTimes(SIGN_IN_LIMIT.failures);
  });

  it("doubles the delay after each further failure, up to a minute, and refused tries do not lengthen it", async () => {
    const { email } = await newUser("Delay");
    const client = address();
    let t = clock();
    await burst(email, Array(SIGN_IN_LIMIT.failures).fill("wrong password"), client, t);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const early = await attemptSignIn(email, "correct horse", { client, now: new Date(t + 10) });
      if (early.outcome !== "throttled") throw new Error(`attempt ${i} should wait`);
      waits.push(early.retryAfterSeconds);
      // Hammering inside the delay changes nothing: the wait stays the same.
      await burst(email, Array(5).fill("wrong password"), client, t + 20);
      const again = await attemptSignIn(email, "wrong password", { client, now: new Date(t + 10) });
      expect(again).toEqual(early);
      t += early.retryAfterSeconds * 1000;
      expect((await attemptSignIn(email, "wrong password", { client, now: new Date(t) })).outcome).toBe("wrong");
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("clears only the account's count for that client on success; other counters just lose the reserved attempt", async () => {
    const { email } = await newUser("Reset");
    const client = address();
    const t0 = clock();
    const [perClient, account, perAddress] = signInRules(email, client);
    await burst(email, Array(5).fill("wrong password"), client, t0);
    expect((await attemptSignIn(email, "correct horse", { client, now: new Date(t0) })).outcome).toBe("ok");
    expect(await row(perClient.key)).toBeNull();
    expect((await row(account?.key ?? ""))?.failures).toBe(5);
    expect((await row(perAddress?.key ?? ""))?.failures).toBe(5);
  });

  it("keeps other clients of the account signing in, and a forged address cannot lift the per-account ceiling", async () => {
    const { email } = await newUser("Spray");
    const owner = address();
    const t0 = clock();
    // An attacker past their own limit does not slow the owner down.
    await burst(email, Array(20).fill("wrong password"), address(), t0);
    expect((await attemptSignIn(email, "correct horse", { client: owner, now: new Date(t0) })).outcome).toBe("ok");

    // Forging a new X-Forwarded-For for each try: the account-wide counter still stops at 30.
    compare.mockClear();
    const forged = await Promise.all(Array.from({ length: 40 }, () => attemptSignIn(email, "wrong password", { client: address(), now: new Date(t0 + 1) })));
    expect(count(forged, "wrong")).toBe(30 - SIGN_IN_LIMIT.failures);
    expect(compare).toHaveBeenCalledTimes(30 - SIGN_IN_LIMIT.failures);

    // The owner then waits seconds, never a 15-minute lockout.
    const waiting = await attemptSignIn(email, "correct horse", { client: owner, now: new Date(t0 + 2) });
    if (waiting.outcome !== "throttled") throw new Error("expected a delay");
    expect(waiting.retryAfterSeconds).toBeLessThanOrEqual(DELAY.maxMs / 1000);
    expect((await attemptSignIn(email, "correct horse", { client: owner, now: new Date(t0 + 2 + waiting.retryAfterSeconds * 1000) })).outcome).toBe("ok");
  });

  it("limits one client spraying many accounts", async () => {
    const client = address();
    const t0 = clock();
    // The counters only (no bcrypt): 50 unknown emails from one address pass, the 51st does not.
    for (let i = 0; i < 50; i++) expect(await reserveAttempt(signInRules(`nobody-${i}-${t0}@test.local`, client), t0)).toEqual({ allowed: true });
    const refused = await reserveAttempt(signInRules(`nobody-50-${t0}@test.local`, client), t0);
    expect(refused.allowed).toBe(false);
    expect(await reserveAttempt(signInRules(`nobody-51-${t0}@test.local`, address()), t0)).toEqual({ allowed: true });
  });

  it("counts the site-wide limit in fixed windows and refuses until the window is over", async () => {
    const t0 = clock();
    const site: ThrottleRule = { key: `test-global-${t0}`, failures: 5, windowMs: 60_000, window: "fixed" };
    const results = await Promise.all(Array.from({ length: 12 }, () => reserveAttempt([site], t0 + 1_000)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(await reserveAttempt([site], t0 + 30_000)).toEqual({ allowed: false, retryAfterMs: 31_000 });
    expect(await reserveAttempt([site], t0 + 61_000)).toEqual({ allowed: true });
  });

  it("reserves on every counter or on none: a refusal by one leaves the others as they were", async () => {
    const t0 = clock();
    const loose: ThrottleRule = { key: `test-loose-${t0}`, failures: 100, windowMs: 60_000, window: "quiet" };
    const tight: ThrottleRule = { key: `test-tight-${t0}`, failures: 2, windowMs: 60_000, window: "quiet" };
    await reserveAttempt([loose, tight], t0);
    await reserveAttempt([loose, tight], t0);
    expect((await reserveAttempt([loose, tight], t0)).allowed).toBe(false);
    expect((await row(loose.key))?.failures).toBe(2);
  });
});
