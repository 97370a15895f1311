// bench/results.json and the Markdown table (also written into README.md between the bench markers).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import type { Row } from "./measure";

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

function fmt(v: number | null, unit: string): string {
  if (v === null || Number.isNaN(v)) return "—";
  const n = v >= 100 ? Math.round(v).toLocaleString("en") : v >= 10 ? v.toFixed(0) : v.toFixed(1);
  return `${n} ${unit}`;
}

/** One line, and no cell breaks. */
const cell = (s: string) => s.replace(/\s+/g, " ").replace(/\|/g, "\\|");

export function markdownTable(rows: Row[], meta: { date: string; machine: string }): string {
  const lines = [
    `Run ${meta.date} on ${meta.machine}. Targets are issue 12's (stated for 16×); ratio = measured ÷ baseline.`,
    "",
    "| scale | what | target | measured | baseline | ratio | met |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const baseline = r.baseline === null ? "—" : `${fmt(r.baseline, r.unit)} (${r.baselineWhat})`;
    const ratio = r.ratio === null ? "—" : `${r.ratio.toFixed(2)}×`;
    const met = r.met === null ? "not measured" : r.met ? "yes" : "**no**";
    const measured = r.note ? `${fmt(r.measured, r.unit)} (${r.note})` : fmt(r.measured, r.unit);
    lines.push(`| ${r.scale}× | ${cell(r.what)} | ${r.target} | ${cell(measured)} | ${cell(baseline)} | ${ratio} | ${met} |`);
  }
  return lines.join("\n");
}

/**
 * Write bench/results.json, bench/results.md and the README table; a `partial` run (only some
 * measurements) writes bench/results-partial.json and .md instead and leaves the README alone.
 */
export function writeResults(rows: Row[], extra: Record<string, unknown>, meta: { date: string; machine: string }, partial = false) {
  const base = partial ? "bench/results-partial" : "bench/results";
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ ...meta, ...extra, rows }, null, 2)}\n`);
  // In the repository's JSON style, so `biome ci .` stays clean after a run.
  spawnSync(process.execPath, ["node_modules/@biomejs/biome/bin/biome", "format", "--write", `${base}.json`], { stdio: "ignore" });
  const table = markdownTable(rows, meta);
  fs.writeFileSync(`${base}.md`, `${table}\n`);
  // Partial results are not committed (.gitignore), so Biome skips them.
  if (partial) return table;
  const readme = fs.readFileSync("README.md", "utf8");
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a !== -1 && b > a) fs.writeFileSync("README.md", `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`);
  // The repo's formatter aligns Markdown tables; format what was written so `biome ci` stays green.
  execFileSync("npx", ["biome", "format", "--write", "README.md", "bench/results.md"], { stdio: "ignore" });
  return table;
}
