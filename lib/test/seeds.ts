// The seed corpus (five Vietnamese articles) lives beside the project, in ../shared. Tests on it
// are skipped on a machine without it, but never silently in CI: there a missing folder fails.
import fs from "node:fs";
import path from "node:path";

export const SEEDS_DIR = path.resolve(process.cwd(), "../shared/corpus/seeds");

/** Whether the corpus is here; under CI=true a missing corpus throws instead of skipping. */
export function seedsPresent(what: string): boolean {
  const present = fs.existsSync(SEEDS_DIR);
  if (present) return true;
  if (process.env.CI === "true") throw new Error(`seed corpus not found at ${SEEDS_DIR}; ${what} must run in CI`);
  console.warn(`seed corpus not found at ${SEEDS_DIR}; skipping ${what}`);
  return false;
}

/** The seed files' names, sorted (000_… to 004_…). */
export const seedFiles = (): string[] =>
  fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();

/** The text of the seed file whose name starts with `prefix` ("001"). */
export function readSeed(prefix: string): { file: string; text: string } {
  const file = seedFiles().find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed file ${prefix}_*.txt in ${SEEDS_DIR}`);
  return { file, text: fs.readFileSync(path.join(SEEDS_DIR, file), "utf8") };
}
