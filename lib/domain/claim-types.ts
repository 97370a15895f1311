/** Default claim types for a new workspace; shortcut = the number key that picks the type. */
export const DEFAULT_CLAIM_TYPES = [
  { key: "arms_transfer", label: "Arms transfer", color: "#d62728", shortcut: 1 },
  { key: "denial", label: "Denial", color: "#1f77b4", shortcut: 2 },
  { key: "gift", label: "Gift", color: "#9467bd", shortcut: 3 },
  { key: "visit", label: "Visit", color: "#2ca02c", shortcut: 4 },
  { key: "meeting", label: "Meeting", color: "#17becf", shortcut: 5 },
  { key: "agreement", label: "Agreement", color: "#bcbd22", shortcut: 6 },
  { key: "sanction_threat", label: "Sanction / threat", color: "#ff7f0e", shortcut: 7 },
  { key: "technology_transfer", label: "Technology transfer", color: "#8c564b", shortcut: 8 },
  { key: "statement", label: "Statement", color: "#7f7f7f", shortcut: 9 },
] as const;

export type DefaultClaimTypeKey = (typeof DEFAULT_CLAIM_TYPES)[number]["key"];

/**
 * The default types, named by `label` (the caller's translator: a workspace's types are data,
 * stored in its creator's language); a key it has no name for keeps the English one.
 */
export function defaultClaimTypes(label: (key: DefaultClaimTypeKey) => string | null = () => null) {
  return DEFAULT_CLAIM_TYPES.map((t) => ({ ...t, label: label(t.key) || t.label }));
}

/** A URL-safe slug from a name: lowercase ASCII, Vietnamese đ folded, at most 40 characters. */
export function slugify(name: string): string {
  const base = foldForMatch(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return base || "workspace";
}

/** Case- and diacritic-insensitive key for matching names and aliases (đ/Đ → d). */
export function foldForMatch(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
