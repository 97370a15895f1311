import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { toErrorBody } from "@/lib/server/errors";

// The shapes below are those seen from Prisma 7.10 with @prisma/adapter-pg 7.10 and pg 8.23.
const adapterError = (cause: Record<string, unknown>) => ({ name: "DriverAdapterError", cause });
const prismaError = (code: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error(`prisma says ${code}`), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: cause ? { driverAdapterError: adapterError(cause) } : {},
  });

const DOWN: [string, unknown][] = [
  ["a closed port through a model query (P1001)", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 })],
  ["a closed port through $queryRaw (P2010 + adapter kind)", prismaError("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 })],
  ["an admin shutdown mid-query (P2010, 57P01)", prismaError("P2010", { kind: "postgres", originalCode: "57P01", code: "57P01" })],
  ["an admin shutdown in a model query (P2039, 57P01)", prismaError("P2039", { kind: "postgres", originalCode: "57P01", code: "57P01" })],
  ["a server starting or stopping (57P03)", prismaError("P2039", { kind: "postgres", originalCode: "57P03", code: "57P03" })],
  ["a connection exception class 08 (08006)", prismaError("P2039", { kind: "postgres", originalCode: "08006", code: "08006" })],
  ["a closed connection (P1017)", prismaError("P1017", { kind: "ConnectionClosed" })],
  ["a socket timeout (P1008)", prismaError("P1008", { kind: "SocketTimeout" })],
  ["too many connections (P2037)", prismaError("P2037", { kind: "TooManyConnections" })],
  ["Prisma's pool timeout (P2024)", prismaError("P2024")],
  ["pg's own socket error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" })],
  ["pg's own admin shutdown", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" })],
  ["a server killed mid-query", new Error("Connection terminated unexpectedly")],
  ["pg-pool's wait for a free connection", new Error("timeout exceeded when trying to connect")],
  ["pg-pool's connect timeout", new Error("Connection terminated due to connection timeout")],
  [
    "an interactive transaction that got no connection in time (P2028, said only in words)",
    Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }),
  ],
  ["a wrapped cause", Object.assign(new Error("export failed"), { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) })],
  ["every address refusing (AggregateError)", new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })], "all failed")],
];

const NOT_DOWN: [string, unknown][] = [
  ["a unique violation", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
  ["a missing record", prismaError("P2025")],
  ["a syntax error", prismaError("P2010", { kind: "postgres", originalCode: "42601", code: "42601" })],
  ["a serialisation failure", prismaError("P2034", { kind: "TransactionWriteConflict" })],
  ["an expired interactive transaction (P2028 for another reason)", Object.assign(new Error("Transaction already closed"), { code: "P2028" })],
  ["a bug", new TypeError("Cannot read properties of undefined")],
  ["not an error", "nope"],
  ["nothing", undefined],
];

describe("isDatabaseUnavailable", () => {
  it.each(DOWN)("recognises %s", (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });
  it.each(NOT_DOWN)("leaves %s alone", (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
  it("stops on an error that is its own cause", () => {
    const loop = new Error("loop") as Error & { cause?: unknown };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});

describe("toErrorBody for an outage", () => {
  it("answers 503 with Retry-After and says nothing was saved", () => {
    const { status, error, headers } = toErrorBody(DOWN[0]?.[1]);
    expect(status).toBe(503);
    expect(headers["Retry-After"]).toMatch(/^\d+$/);
    expect(error).toEqual({ code: "unavailable", message: "The database is not reachable or too busy right now; nothing was saved. Try again in a moment." });
  });
  it("keeps other failures as they were, without Retry-After", () => {
    expect(toErrorBody(NOT_DOWN[0]?.[1])).toMatchObject({ status: 409, headers: {} });
  });
});
