import type { ParseProblem } from "@/lib/domain/details/problems";

/**
 * A message by catalogue key, with its ICU values: what code outside React (services, domain
 * rules) hands to the interface so the words are chosen per language at the edge. `problems` are
 * values that are a parser's reasons (lib/domain/details/problems.ts), said in the same language.
 */
export type MessageRef = { key: string; values?: Record<string, string | number | Date>; problems?: Record<string, ParseProblem> };
