import { describe, expect, it } from "vitest";
import { readSessionClaims, type SessionClaims, withinSessionLifetimes } from "@/lib/auth/session-lifetime";

const uid = "0b6f1f44-8d0c-4d6f-9a7e-2d0f5c1f7b10";
const sid = "5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d";
const limits = { idleSeconds: 12 * 3600, maxSeconds: 30 * 86400 };
const signIn = 1_700_000_000;

describe("withinSessionLifetimes", () => {
  it.each<[string, Partial<SessionClaims>, number, boolean]>([
    ["just signed in", { iat: null }, signIn, true],
    ["re-issued an hour ago", { iat: signIn + 86400 }, signIn + 86400 + 3600, true],
    ["idle exactly the limit", { iat: signIn }, signIn + 12 * 3600, true],
    ["idle a second too long", { iat: signIn }, signIn + 12 * 3600 + 1, false],
    ["active but past the absolute limit", { iat: signIn + 30 * 86400 }, signIn + 30 * 86400 + 1, false],
    ["active, one second before the absolute limit", { iat: signIn + 30 * 86400 - 60 }, signIn + 30 * 86400, true],
  ])("%s", (_label, claims, now, expected) => {
    expect(withinSessionLifetimes({ uid, sv: 1, sid, authAt: signIn, iat: null, ...claims }, now, limits)).toBe(expected);
  });
});

describe("readSessionClaims", () => {
  it("reads the claims this app puts in the token", () => {
    expect(readSessionClaims({ uid, sv: 3, sid, authAt: signIn, iat: signIn + 5, name: "x" })).toEqual({ uid, sv: 3, sid, authAt: signIn, iat: signIn + 5 });
  });

  it.each([
    ["a token from before session versions", { uid, sid, iat: signIn }],
    ["a token from before session rows", { uid, sv: 1, authAt: signIn }],
    ["no sign-in time", { uid, sv: 1, sid }],
    ["a user id that is not a uuid", { uid: "1 OR 1=1", sv: 1, sid, authAt: signIn }],
    ["a session id that is not a uuid", { uid, sv: 1, sid: "x' OR '1'='1", authAt: signIn }],
    ["a version that is not an integer", { uid, sv: "1", sid, authAt: signIn }],
  ])("refuses %s", (_label, token) => {
    expect(readSessionClaims(token)).toBeNull();
  });
});
