// COPY … FROM STDIN / TO STDOUT through a `pg` client, as a pg "submittable" (the protocol hooks
// pg-copy-streams uses). The bench needs only whole-buffer COPY in and a counting COPY out.
import type pg from "pg";

type Connection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };

class CopyQuery {
  rowCount = 0;
  bytes = 0;
  callback: ((err: Error | undefined, res: CopyQuery) => void) | undefined;
  constructor(
    readonly text: string,
    private readonly input: Buffer | undefined,
    private readonly onData: ((chunk: Buffer) => void) | undefined,
  ) {}
  submit(connection: Connection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: Connection) {
    const data = this.input ?? Buffer.alloc(0);
    // Chunks well under PostgreSQL's 1 GB message limit, and small enough to keep memory flat.
    for (let i = 0; i < data.length; i += 1 << 20) connection.sendCopyFromChunk(data.subarray(i, i + (1 << 20)));
    connection.endCopyFrom();
  }
  handleCopyData(msg: { chunk: Buffer }) {
    this.bytes += msg.chunk.length;
    this.onData?.(msg.chunk);
  }
  handleCommandComplete(msg: { text: string }) {
    const n = /^COPY (\d+)/.exec(msg.text)?.[1];
    if (n) this.rowCount = Number(n);
  }
  // pg forgets the query on an error (no ReadyForQuery reaches it then), so settle here.
  handleError(err: Error) {
    this.settle(err);
  }
  handleReadyForQuery() {
    this.settle(undefined);
  }
  private settle(err: Error | undefined) {
    const cb = this.callback;
    this.callback = undefined;
    cb?.(err, this);
  }
  handleEmptyQuery() {}
  handleRowDescription() {}
  handleDataRow() {}
  handlePortalSuspended() {}
}

function run(client: pg.ClientBase, q: CopyQuery): Promise<{ rows: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    q.callback = (err, res) => (err ? reject(err) : resolve({ rows: res.rowCount, bytes: res.bytes }));
    client.query(q as unknown as pg.QueryConfig);
  });
}

/** COPY `table(columns)` FROM STDIN with `rows` (already in COPY text format, one line each). */
export function copyIn(client: pg.ClientBase, table: string, columns: readonly string[], lines: string[]) {
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  return run(client, new CopyQuery(sql, Buffer.from(lines.join(""), "utf8"), undefined));
}

/** COPY (`select`) TO STDOUT, handing each chunk to `onData`; answers the rows and bytes sent. */
export function copyOut(client: pg.ClientBase, select: string, onData?: (chunk: Buffer) => void) {
  return run(client, new CopyQuery(`COPY (${select}) TO STDOUT`, undefined, onData));
}

/** One value in COPY text format (NULL as \N; backslash, tab and line breaks escaped). */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  const s = typeof v === "string" ? v : v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** One COPY text line for `values`. */
export const copyLine = (values: readonly unknown[]) => `${values.map(copyValue).join("\t")}\n`;
