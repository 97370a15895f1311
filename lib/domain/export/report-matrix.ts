import { stanceGlyph, type MarkdownMatrix } from "./markdown";
import { linkTo, type ExportProposition } from "./records";

const NO_PUBLISHER = "No publisher";

/** Propositions × publishers as glyphs (✔ ✖ ○, ± mixed, · silent) for the printed and Markdown reports. */
export function reportMatrix(props: ExportProposition[]): MarkdownMatrix {
  const columns = [...new Set(props.flatMap((p) => p.mentions.map((m) => m.publisher ?? NO_PUBLISHER)))].sort();
  const rows = props.map((p) => ({
    statement: p.statement,
    cells: columns.map((col) => stanceGlyph(p.mentions.filter((m) => (m.publisher ?? NO_PUBLISHER) === col).flatMap((m) => linkTo(m, p.id)?.stance ?? []))),
  }));
  return { columns, rows };
}
