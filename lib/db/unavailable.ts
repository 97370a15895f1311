// Recognises "the database is not there" among errors, however they reach us: from Prisma (its
// error codes, or the driver adapter's error kinds in `meta.driverAdapterError`), from `pg`
// directly (socket and SQLSTATE codes), or from the pool as a plain Error with only a message.

/** Prisma codes for a server that cannot be reached, timed out, closed the connection or has no room. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** @prisma/adapter-pg error kinds (`meta.driverAdapterError.cause.kind`) that mean the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
/** pg and pg-pool say these only in words. */
const MESSAGES = [
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
  /^timeout exceeded when trying to connect$/,
  /^Cannot use a pool after calling end on the pool$/,
  /Unable to start a transaction in the given time/,
];

/**
 * SQLSTATE classes and codes of an unreachable server: 08 connection exception, 57P01 admin
 * shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down),
 * 53300 too many connections.
 */
function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
}

type Loose = { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; kind?: unknown; originalCode?: unknown };

function adapterCause(err: Loose): Loose | undefined {
  const meta = err.meta as { driverAdapterError?: { cause?: Loose } } | undefined;
  return meta?.driverAdapterError?.cause;
}

/** True when `err` (or an error it wraps) says the database server cannot be reached or used right now. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  // Errors wrap errors (`cause`, Prisma's meta): look a few levels down, never loop forever.
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    const x = e as Loose;
    const code = typeof x.code === "string" ? x.code : undefined;
    if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isUnavailableSqlState(code))) return true;
    if (typeof x.kind === "string" && ADAPTER_KINDS.has(x.kind)) return true;
    if (typeof x.originalCode === "string" && isUnavailableSqlState(x.originalCode)) return true;
    if (typeof x.message === "string" && MESSAGES.some((m) => m.test(x.message as string))) return true;
    const cause = adapterCause(x);
    if (cause) {
      e = cause;
      continue;
    }
    // Node's AggregateError (a host with several addresses, all refusing) keeps the reasons in `errors`.
    const errors = (x as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    e = x.cause;
  }
  return false;
}
