import { createHash } from "node:crypto";
import { foldWhitespace } from "./text";

/**
 * sha256 hex of the passages, whitespace-folded, NFC and joined by "\n"; blank passages are
 * skipped so the same content re-imported with other line endings, blank lines or NFD input
 * hashes the same.
 */
export function contentHash(passages: string[]): string {
  const canonical = passages
    .map(foldWhitespace)
    .filter((passage) => passage.length > 0)
    .join("\n");
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
