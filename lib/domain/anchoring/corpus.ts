// Regression corpus for re-anchoring: news paragraphs (Vietnamese and English, written for
// this corpus), a claim in each, a correction, and what re-anchoring should conclude.
import { enCases } from "./corpus-en";
import type { CorpusCase } from "./corpus-format";
import { viHomeCases } from "./corpus-vi-home";
import { viWorldCases } from "./corpus-vi-world";

export type { CorpusCase } from "./corpus-format";

/** Every case, Vietnamese first. */
export const corpus: CorpusCase[] = [...viWorldCases, ...viHomeCases, ...enCases];
