// @mentions in comment bodies: "@Name" or "@email" of a workspace member, matched ignoring case
// and diacritics (the same folding as entity aliases), longest name first.

/** A member who can be mentioned. */
export type Mentionable = { id: string; name: string; email?: string | null };
/** One mention in a body: offsets in UTF-16 code units (as JavaScript strings index), `start` at the "@". */
export type MentionSpan = { userId: string; start: number; end: number };
/** A piece of a body for display: plain text, or a mention of `userId`. */
export type BodySegment = { text: string; userId?: string };

const WORD = /[\p{L}\p{N}]/u;

/** One code point folded as foldForMatch folds whole strings: no marks, đ → d, lower case; whitespace → " ". */
function foldCodePoint(ch: string): string {
  if (/\s/u.test(ch)) return " ";
  return ch
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/** Fold a name the same way, whitespace runs collapsed and trimmed (equal to foldForMatch). */
function foldName(s: string): string {
  let out = "";
  for (const ch of s) {
    const f = foldCodePoint(ch);
    if (f === " " && (out === "" || out.endsWith(" "))) continue;
    out += f;
  }
  return out.trimEnd();
}

/** The folded body, with where each folded unit came from: `from[k]`/`to[k]` bound its source code point. */
function foldWithMap(body: string) {
  let folded = "";
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of body) {
    const f = foldCodePoint(ch);
    const end = i + ch.length;
    if (f === "" && to.length) {
      // A combining mark belongs to the letter before it.
      to[to.length - 1] = end;
    } else if (!(f === " " && folded.endsWith(" "))) {
      // One entry per UTF-16 unit, so folded indexes and the maps stay aligned (emoji are two units).
      folded += f;
      for (let u = 0; u < f.length; u++) {
        from.push(i);
        to.push(end);
      }
    } else if (to.length) {
      to[to.length - 1] = end;
    }
    i = end;
  }
  return { folded, from, to };
}

type Candidate = { userId: string; key: string; exact: string };

/**
 * Every mention of a member in `body`, in order. A mention starts with "@" at the start of the
 * body or after a character that is not a letter or digit, continues with a member's full name or
 * email (case and diacritics ignored) and ends before a letter or digit. The longest match wins;
 * two members whose names fold alike are told apart by the exact spelling, else neither is taken.
 */
export function findMentions(body: string, members: readonly Mentionable[]): MentionSpan[] {
  const candidates: Candidate[] = [];
  for (const m of members) {
    for (const label of [m.name, m.email ?? ""]) {
      const key = foldName(label);
      if (key) candidates.push({ userId: m.id, key, exact: label.normalize("NFC").toLowerCase() });
    }
  }
  if (!candidates.length || !body.includes("@")) return [];
  const { folded, from, to } = foldWithMap(body);
  const out: MentionSpan[] = [];
  let k = 0;
  while (k < folded.length) {
    const at = folded.indexOf("@", k);
    if (at < 0) break;
    const prev = folded[at - 1];
    if (prev !== undefined && (WORD.test(prev) || prev === "@")) {
      k = at + 1;
      continue;
    }
    let best: Candidate[] = [];
    for (const c of candidates) {
      if (!folded.startsWith(c.key, at + 1)) continue;
      const next = folded[at + 1 + c.key.length];
      if (next !== undefined && WORD.test(next)) continue;
      const bestLength = best[0]?.key.length ?? 0;
      if (c.key.length > bestLength) best = [c];
      else if (c.key.length === bestLength && !best.some((b) => b.userId === c.userId)) best.push(c);
    }
    const last = at + (best[0]?.key.length ?? 0);
    const start = from[at] ?? 0;
    const end = to[last] ?? body.length;
    const chosen = best.length === 1 ? best[0] : pickExact(best, body.slice(start + 1, end));
    if (chosen) {
      out.push({ userId: chosen.userId, start, end });
      k = last + 1;
    } else {
      k = at + 1;
    }
  }
  return out;
}

function pickExact(tied: Candidate[], written: string): Candidate | undefined {
  const spelled = written.normalize("NFC").toLowerCase();
  const exact = tied.filter((c) => c.exact === spelled);
  return exact.length === 1 ? exact[0] : undefined;
}

/** The members mentioned in `body`, each once, in order of first mention. */
export function mentionedUserIds(body: string, members: readonly Mentionable[]): string[] {
  return [...new Set(findMentions(body, members).map((m) => m.userId))];
}

/** `body` cut into plain text and mentions, for display (as text, never HTML). */
export function mentionSegments(body: string, members: readonly Mentionable[]): BodySegment[] {
  const out: BodySegment[] = [];
  let at = 0;
  for (const m of findMentions(body, members)) {
    if (m.start > at) out.push({ text: body.slice(at, m.start) });
    out.push({ text: body.slice(m.start, m.end), userId: m.userId });
    at = m.end;
  }
  if (at < body.length) out.push({ text: body.slice(at) });
  return out;
}

/** The @-word being typed at `caret` (for autocomplete): its start and the text after "@", or null. */
export function mentionQueryAt(body: string, caret: number): { start: number; query: string } | null {
  const before = body.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  const prev = before[at - 1];
  if (prev !== undefined && WORD.test(prev)) return null;
  const query = before.slice(at + 1);
  // A name has at most a few words; a line break or a long run ends the mention being typed.
  if (query.length > 60 || /\n/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, query };
}
