// The claim report for people, as CommonMark/GFM. Streamable: markdownHeader, then
// markdownProposition per proposition, then markdownMatrix; each chunk ends in a blank line.
// All user text (quotes, titles, statements, names) is escaped so it renders as text: it cannot
// open headings, lists, links, images, HTML, code, tables or math.
import { quantityTexts } from "./quantity-text";
import { linkTo, type ExportMention, type ExportProposition, type ExportRating, type ExportStance } from "./records";

/** `counting`: which claims the verdicts count (the workspace's review setting), said under the title. */
export type MarkdownMeta = { title: string; generatedAt: string; workspace: string; counting?: string };
export type MarkdownMatrix = { columns: string[]; rows: { statement: string; cells: string[] }[] };

const VERDICT_LABELS: Record<string, string> = {
  conflict: "Conflict",
  detail_conflict: "Detail conflict",
  single_origin: "Single origin",
  agree: "Agree",
  unverified: "Unverified",
  no_mentions: "No mentions",
};
const STANCES: { stance: ExportStance; label: string }[] = [
  { stance: "SUPPORTS", label: "Supports" },
  { stance: "REFUTES", label: "Refutes" },
  { stance: "NEUTRAL", label: "Neutral" },
];
const GLYPHS: Record<ExportStance, string> = { SUPPORTS: "✔", REFUTES: "✖", NEUTRAL: "○" };
export const MATRIX_LEGEND = "✔ supports, ✖ refutes, ○ neutral, ± mixed stances, · silent (no mention)";

// Inline constructs (emphasis, code, links, HTML, entities, tables, strikethrough, GFM math,
// ATX closing #). Backslash escapes of ASCII punctuation are always literal in CommonMark.
const INLINE_SPECIAL = /[\\`*_[\]<>#|~&$]/g;
// Block openers that only matter at the start of a line: list items, setext underlines.
const LINE_START = /^([-+=]|\d+(?=[.)]))/;

/** `s` on one line, escaped so Markdown renders it literally (also safe at the start of a line). */
export function escapeMarkdown(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim().replace(INLINE_SPECIAL, "\\$&");
  // "1. x" stays text as "1\. x"; "- x" as "\- x".
  return flat.replace(LINE_START, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** Multi-line text as a blockquote: every line escaped, blank lines kept inside the quote. */
function blockquote(s: string): string {
  return s
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : ">"))
    .join("\n");
}

/** An http(s) URL as a link destination, or null: other schemes (javascript:, data:) are not linked. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    // WHATWG URL already percent-encodes < > and spaces; encode again in case, since the
    // destination is written inside <...>.
    return u.protocol === "http:" || u.protocol === "https:" ? u.href.replace(/[<>\s]/g, encodeURIComponent) : null;
  } catch {
    return null;
  }
}

/** Human label for a verdict kind ("single_origin" → "Single origin"). */
export function verdictLabel(kind: string): string {
  return VERDICT_LABELS[kind] ?? kind;
}

/** Matrix glyph for the stances one column holds on a proposition: ✔ ✖ ○, ± for mixed, · for silent. */
export function stanceGlyph(stances: readonly ExportStance[]): string {
  const set = new Set(stances);
  const [first] = set;
  if (first === undefined) return "·";
  return set.size > 1 ? "±" : GLYPHS[first];
}

/** Report title and provenance line; `propositionCount` when the service knows it up front. */
export function markdownHeader(meta: MarkdownMeta, propositionCount?: number): string {
  const count = propositionCount === undefined ? "" : ` · ${propositionCount} proposition${propositionCount === 1 ? "" : "s"}`;
  const counting = meta.counting ? `${escapeMarkdown(meta.counting)}\n\n` : "";
  return `# ${escapeMarkdown(meta.title)}\n\nWorkspace: ${escapeMarkdown(meta.workspace)} · Generated ${escapeMarkdown(meta.generatedAt)}${count}\n\n${counting}`;
}

function attribution(m: ExportMention): string {
  const href = safeHref(m.articleUrl);
  const title = escapeMarkdown(m.articleTitle);
  const parts = [href ? `[${title}](<${href}>)` : title];
  if (m.publisher) parts.push(escapeMarkdown(m.publisher));
  if (m.publishedAt) parts.push(escapeMarkdown(m.publishedAt));
  // "speaker" or "speakers" by count; lists joined by "; " since names and origin phrases
  // ("Dmitry Peskov, for Russia") may hold commas.
  const list = (one: string, many: string, xs: string[]) => (xs.length === 0 ? null : `${xs.length > 1 ? many : one}: ${escapeMarkdown(xs.join("; "))}`);
  const date = m.fields.date && m.fields.dateValue && m.fields.dateValue !== m.fields.date ? `${m.fields.date} (${m.fields.dateValue})` : m.fields.date;
  const facts = [
    list("origin", "origins", m.independentOrigins),
    m.origins.length > 0 ? `via ${escapeMarkdown(m.origins.join(", "))}` : null,
    list(
      "speaker",
      "speakers",
      m.speakers.map((s) => s.name),
    ),
    `modality: ${escapeMarkdown(m.modality.toLowerCase())}`,
    date ? `date: ${escapeMarkdown(date)}` : null,
    list("quantity", "quantities", quantityTexts(m.fields)),
    m.fields.item ? `item: ${escapeMarkdown(m.fields.item)}` : null,
    m.actors.length > 0 ? `actors: ${escapeMarkdown(m.actors.join(", "))}` : null,
  ].filter((f): f is string => f !== null);
  return `— ${parts.join(", ")} · ${facts.join(" · ")}`;
}

// Claims the verdict leaves out, said under the quote so a reader does not count them. Each is
// its own paragraph of the blockquote (after a ">" line), not run on into the attribution.
function marks(m: ExportMention): string[] {
  const out: string[] = [];
  if (m.orphaned) out.push(">", "> **Orphaned:** a text correction removed the quoted words; kept for the record, not counted in the verdict.");
  if (m.needsReview)
    out.push(">", "> **Needs review:** re-anchored with low confidence after a text change; not counted in the verdict until someone confirms it.");
  return out;
}

/** "False (2/5), published 2024-06-20 at <url>, reviewed by X": only the parts the desk set; null when neither label nor value is. */
function ratingLine(r: ExportRating): string | null {
  const label = r.label?.trim();
  if (!label && r.value === null) return null;
  const score = r.value === null ? "" : `${r.value}${r.best !== null ? `/${r.best}` : ""}`;
  let out = label ? escapeMarkdown(label) + (score ? ` (${score})` : "") : score;
  const href = safeHref(r.url);
  const at = href ? ` at <${href}>` : r.url?.trim() ? ` at ${escapeMarkdown(r.url)}` : "";
  if (r.date || at) out += `, published${r.date ? ` ${escapeMarkdown(r.date)}` : ""}${at}`;
  if (r.reviewer?.trim()) out += `, reviewed by ${escapeMarkdown(r.reviewer)}`;
  return out;
}

function verdictLine(p: ExportProposition): string {
  const label = verdictLabel(p.verdict);
  const sentence = p.verdictSentence.trim();
  if (!sentence) return label;
  // Verdict sentences already open with the label ("Conflict: ..."), as the UI shows them.
  return sentence.startsWith(`${label}:`) ? escapeMarkdown(sentence) : `${label} — ${escapeMarkdown(sentence)}`;
}

/** One proposition: heading, verdict, rating, then its mentions quoted and grouped by stance (in the order given). */
export function markdownProposition(p: ExportProposition): string {
  const out = [`## ${escapeMarkdown(p.statement)}`, ""];
  out.push(`- **Verdict:** ${verdictLine(p)}`);
  const rating = p.rating && ratingLine(p.rating);
  if (rating) out.push(`- **Desk rating:** ${rating}`);
  if (p.claimType) out.push(`- **Claim type:** ${escapeMarkdown(p.claimType)}`);
  out.push("");
  if (p.mentions.length === 0) out.push("_No mentions linked yet._", "");
  for (const { stance, label } of STANCES) {
    const group = p.mentions.filter((m) => linkTo(m, p.id)?.stance === stance);
    if (group.length === 0) continue;
    out.push(`### ${label} (${group.length})`, "");
    for (const m of group) out.push(blockquote(m.exact), ">", `> ${attribution(m)}`, ...marks(m), "");
  }
  return `${out.join("\n")}\n`;
}

/** The comparison matrix as a GFM table of glyphs, with a legend; empty when there are no columns. */
export function markdownMatrix(matrix: MarkdownMatrix): string {
  if (matrix.columns.length === 0) return "";
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const lines = ["## Comparison matrix", "", row(["Proposition", ...matrix.columns.map(escapeMarkdown)]), row(["---", ...matrix.columns.map(() => ":---:")])];
  for (const r of matrix.rows) {
    if (r.cells.length !== matrix.columns.length) {
      throw new RangeError(`matrix row has ${r.cells.length} cells for ${matrix.columns.length} columns`);
    }
    lines.push(row([escapeMarkdown(r.statement), ...r.cells.map(escapeMarkdown)]));
  }
  lines.push("", `Legend: ${MATRIX_LEGEND}.`);
  return `${lines.join("\n")}\n\n`;
}

/** The whole report in one string; for large exports stream the pieces instead. */
export function markdownReport(input: MarkdownMeta & { propositions: ExportProposition[]; matrix?: MarkdownMatrix }): string {
  const parts = [markdownHeader(input, input.propositions.length), ...input.propositions.map(markdownProposition)];
  if (input.matrix) parts.push(markdownMatrix(input.matrix));
  return `${parts.join("").trimEnd()}\n`;
}
