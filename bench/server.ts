// The bench's server (scripts/production-server.ts), its memory, and the desk it signs up.
import fs from "node:fs";
import { signUpThroughForm } from "../scripts/form-sign-up";
import { type ProductionServer, startProductionServer } from "../scripts/production-server";

export type BenchServer = ProductionServer;

export const startBenchServer = (opts: { port: number; pgPort: number; build: boolean; log: (m: string) => void }): Promise<BenchServer> =>
  startProductionServer({ ...opts, name: "bench", rebuildHint: "BENCH_BUILD=1" });

/** Resident set of `pid` and its descendants in MB (Linux /proc). */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      kb += Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

/** A new account (through the sign-up form's server action, as soak does), its workspace and an OWNER API token. */
export async function newDesk(base: string, email: string): Promise<{ workspaceId: string; slug: string; token: string; cookie: string }> {
  const cookie = await signUp(base, email);
  const session = async (p: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${p}`, { ...init, headers: { cookie, origin: base, "content-type": "application/json", ...init.headers } });
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${p}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const ws = ((await session("/api/v1/workspaces")) as { items: { id: string; slug: string }[] }).items[0];
  if (!ws) throw new Error("the new account has no workspace");
  const { token } = (await session("/api/v1/tokens", { method: "POST", body: JSON.stringify({ workspaceId: ws.id, name: "bench", role: "OWNER" }) })) as {
    token: string;
  };
  return { workspaceId: ws.id, slug: ws.slug, token, cookie };
}

const signUp = (base: string, email: string) => signUpThroughForm(base, { name: "Bench Desk", email, password: "bench-password-1" });
