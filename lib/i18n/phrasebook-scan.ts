import ts from "typescript";

/**
 * The messages a file of lib/ shows to people in English, as phrasebook keys: the text of every
 * `new AppError(…)` (its message and its per-field messages), every string in a declaration whose
 * comment says `@phrasebook` (refusal tables the interface shows as they are) and, in
 * lib/validation, every string that is not an OpenAPI description (`.describe(…)`). A template literal's `${…}` parts become
 * `{1}`, `{2}`… Only sentences count: text that starts with a capital letter (in a marked
 * declaration, any letter or a placeholder) and has a space.
 */
const SENTENCE = /^([A-Z]|\{\d\}:? [a-z])/;
// A declaration marked `@phrasebook` says its strings are messages, lower-case ones too
// ("start {1} is after end {2}", read after "Start: " or inside a longer sentence).
const MARKED_SENTENCE = /^([A-Za-z]|\{\d\})/;

export function messagesOf(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const validation = /(^|\/)lib\/validation\//.test(fileName);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const text = literalText(node);
    if (text?.includes(" ")) {
      if (validation ? !inDescribe(node) && SENTENCE.test(text) : inAppError(node) ? SENTENCE.test(text) : inMarked(node, source) && MARKED_SENTENCE.test(text))
        found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span, i) => `{${i + 1}}${span.literal.text}`).join("");
  return null;
}

function inAppError(node: ts.Node): boolean {
  for (let at = node.parent; at; at = at.parent) if (ts.isNewExpression(at) && at.expression.getText() === "AppError") return true;
  return false;
}

/** Inside a top-level statement whose leading comment carries `@phrasebook`. */
function inMarked(node: ts.Node, source: string): boolean {
  let at: ts.Node = node;
  while (at.parent && !ts.isSourceFile(at.parent)) at = at.parent;
  return (ts.getLeadingCommentRanges(source, at.getFullStart()) ?? []).some((c) => source.slice(c.pos, c.end).includes("@phrasebook"));
}

/** An argument of `.describe(…)` (not a message of the chain `.describe` is called on). */
function inDescribe(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let at = node.parent; at; child = at, at = at.parent) {
    const describes = ts.isCallExpression(at) && ts.isPropertyAccessExpression(at.expression) && at.expression.name.text === "describe";
    if (describes && (at as ts.CallExpression).arguments.some((a) => a === child)) return true;
  }
  return false;
}
