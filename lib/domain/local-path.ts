/**
 * A `?next=` target to return to after signing in, only when it is a path on this site
 * ("/invite/…"); anything else (another site, "//host", "/\\host", a scheme) is null.
 */
export function localPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length > 2000) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  // Control characters (a tab or newline inside "/\t/evil.example") are dropped by URL parsers.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what it looks for
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  return next;
}
