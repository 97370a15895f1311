// Test helper: the W3C Web Annotation test suite's JSON Schemas (draft-04), loaded into Ajv.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import type { ValidateFunction } from "ajv";

export const W3C_TESTS = path.resolve(import.meta.dirname, "../../../../shared/external/web-annotation-tests");
export const HAVE_W3C_TESTS = existsSync(path.join(W3C_TESTS, "definitions"));

// ajv-formats is not installed, and without these Ajv would not check `format`, so a
// non-URI id would pass. RFC 3986 absolute URI (scheme ":" then no whitespace or
// characters the grammar excludes) and RFC 3339 date-time.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

const readJson = (rel: string) => JSON.parse(readFileSync(path.join(W3C_TESTS, rel), "utf8"));

/** The assertion files a `.test` manifest lists (paths relative to the suite root); none when the suite is missing. */
export function manifest(rel: string): string[] {
  return HAVE_W3C_TESTS ? readJson(rel).assertions : [];
}

/** Ajv with every definitions/*.json schema registered under its own `id`. */
export function w3cValidator(): (assertion: string) => ValidateFunction {
  let ajv: Ajv | undefined;
  // Built on first use, so a skipped suite (folder missing) never touches the files.
  const load = () => {
    // strict: false because the suite's schemas carry harness keywords (assertionType,
    // expectedResult, errorMessage...) that are not JSON Schema.
    const a = new Ajv({ strict: false, allErrors: true, logger: false });
    a.addFormat("uri", (s: string) => URI.test(s));
    a.addFormat("date-time", (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
    for (const f of readdirSync(path.join(W3C_TESTS, "definitions"))) {
      if (f.endsWith(".json")) a.addSchema(readJson(path.join("definitions", f)));
    }
    return a;
  };
  // Some assertion files declare an id that differs from their file name, so look up by id.
  return (assertion) => {
    ajv ??= load();
    const schema = readJson(assertion);
    return ajv.getSchema(schema.id) ?? ajv.compile(schema);
  };
}
