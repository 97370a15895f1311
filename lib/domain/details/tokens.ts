// Splits a quantity field into words, digit runs and marks, keeping each token's span so the
// item words can be cut from the original text with its own spelling and case.

/** A word, digit run or single mark of the original text. */
export type Token = { text: string; lower: string; kind: "word" | "digits" | "mark"; start: number; end: number };

// Digit runs keep their "." and "," so the separator rule sees the whole number ("1.000.000").
const TOKEN = /(\p{L}[\p{L}\p{M}]*)|(\d+(?:[.,]\d+)*)|(\S)/gu;

/** The tokens of a text, in order; whitespace only separates them. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const kind = m[1] !== undefined ? "word" : m[2] !== undefined ? "digits" : "mark";
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), kind, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** How many tokens from `from` spell the phrase (a space-separated, lower-case word list), or 0. */
export function phraseLength(tokens: Token[], from: number, phrase: string): number {
  const words = phrase.split(" ");
  for (let k = 0; k < words.length; k++) {
    if (tokens[from + k]?.lower !== words[k]) return 0;
  }
  return words.length;
}

/** The longest of the phrases found at `from`, with its token count, or null. */
export function longestPhrase<T>(tokens: Token[], from: number, phrases: ReadonlyMap<string, T>): { value: T; length: number } | null {
  let best: { value: T; length: number } | null = null;
  for (const [phrase, value] of phrases) {
    const length = phraseLength(tokens, from, phrase);
    if (length > 0 && (best === null || length > best.length)) best = { value, length };
  }
  return best;
}
