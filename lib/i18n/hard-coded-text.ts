import ts from "typescript";

/** Props whose string value a user reads or hears (and component props that carry such text). */
export const TEXT_PROPS = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "placeholder",
  "title",
  "alt",
  "label",
  "hint",
  "description",
  "confirmLabel",
  "pendingLabel",
  "emptyText",
  "legend",
]);

/** Words that are the same in every language: the product's name. */
const SAME_IN_EVERY_LANGUAGE = new Set(["Claimboard"]);

export type HardCodedText = { line: number; text: string };

const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text.trim());

/** A string literal that ends up as a JSX child or a text prop's value: through ?:, ||, ?? and parentheses only. */
function reachesJsx(node: ts.Node): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (parent) {
    if (ts.isParenthesizedExpression(parent)) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (ts.isConditionalExpression(parent)) {
      if (parent.condition === child) return false;
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (
      ts.isBinaryExpression(parent) &&
      [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(parent.operatorToken.kind)
    ) {
      if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.left === child) return false;
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (ts.isJsxExpression(parent)) {
      const holder = parent.parent;
      if (ts.isJsxAttribute(holder)) return TEXT_PROPS.has(holder.name.getText());
      return ts.isJsxElement(holder) || ts.isJsxFragment(holder);
    }
    return false;
  }
  return false;
}

/**
 * User-visible text written into a .tsx file instead of coming from the catalogues: JSX text,
 * string (or template) literals rendered as children, and the values of text props
 * (aria-label, placeholder, title, alt, label, hint…). Lines are 1-based.
 */
export function findHardCodedText(source: string, fileName = "file.tsx"): HardCodedText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardCodedText[] = [];
  const report = (node: ts.Node, text: string) => {
    if (hasWords(text)) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer) && TEXT_PROPS.has(node.name.getText()))
      report(node, node.initializer.text);
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && reachesJsx(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node) && reachesJsx(node)) report(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" "));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const UPPER_KEY = /^[A-Z][A-Z0-9_]*$/;
/** A label or sentence: capitalised words (or a single capitalised word), no class names, ids or paths. */
const looksEnglish = (text: string) =>
  /^[A-Z][a-z]/.test(text) && /^[\p{L}\d\s'’“”"(),.;:!?…–—/-]+$/u.test(text) && !/[a-z]-[a-z\d]|_|\/\/|(?:^|\s)\/|[a-z]\/[a-z]/.test(text);
/** Words as plain text: every token letters (with trailing punctuation), so "bg-slate-100 text-xs" is not words. */
const plainWords = (text: string) =>
  text.trim() !== "" &&
  text
    .trim()
    .split(/\s+/)
    .every((w) => /^[“"(]?[\p{L}'’]+[”")]?[,.;:!?…]?$/u.test(w));
// Tailwind classes that are plain words, so "rounded border ${…}" reads as class names, not a phrase.
const CLASS_WORDS = new Set(
  "absolute block border contents fixed flex grid group hidden inline invisible italic lowercase peer relative rounded shadow static sticky truncate underline uppercase visible capitalize container grow shrink".split(
    " ",
  ),
);
/** Two words running, as in "reads as" or "cannot read:" (not "a-b", "${x} ${y}" or class names). */
const hasPhrase = (text: string) =>
  [...text.matchAll(/(\p{L}{2,})[,:]?\s+(\p{L}{2,})/gu)].some((m) => !(CLASS_WORDS.has(m[1] ?? "") && CLASS_WORDS.has(m[2] ?? "")));

function inDeveloperText(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isThrowStatement(p) || (ts.isNewExpression(p) && /Error$/.test(p.expression.getText()))) return true;
    if (ts.isCallExpression(p) && /^console\./.test(p.expression.getText())) return true;
    if (ts.isJsxAttribute(p) && /^(className|class)$/.test(p.name.getText())) return true;
  }
  return false;
}

/**
 * English words written into a .ts module of the interface, where the JSX scan cannot see them:
 * a label map (an object literal whose UPPER_CASE keys, or text props like `label` and `hint`,
 * hold words: `{ DONE: "Done" }`, `{ hint: "Assign later" }`), a sentence returned or passed on
 * (`?? "Former annotator"`, `return "Not found"`), and a template literal with English words
 * (`reads as ${x}`). Class names, ids, paths and developer errors are not text.
 */
export function findEnglishInCode(source: string, fileName = "file.ts"): (HardCodedText & { within?: string })[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: (HardCodedText & { within?: string })[] = [];
  const seen = new Set<number>();
  // The variable or function the text sits in, so an exemption can name one declaration, not a file.
  const within = (node: ts.Node): string | undefined => {
    for (let p: ts.Node | undefined = node; p; p = p.parent)
      if (
        (ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p)) &&
        p.name &&
        ts.isIdentifier(p.name) &&
        ts.isSourceFile(p.parent.parent?.parent ?? p.parent)
      )
        return p.name.text;
    return undefined;
  };
  const report = (node: ts.Node, text: string) => {
    if (seen.has(node.getStart(file))) return;
    seen.add(node.getStart(file));
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: text.trim(), within: within(node) });
  };
  const sentence = (e: ts.Expression) => (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && looksEnglish(e.text) && hasPhrase(e.text);
  const visit = (node: ts.Node) => {
    // A map of sentences whatever its keys: `{ f1: "Undefined: neither annotator…", … }`.
    if (ts.isObjectLiteralExpression(node) && !inDeveloperText(node)) {
      const values = node.properties.filter(ts.isPropertyAssignment).map((p) => p.initializer);
      const sentences = values.filter(sentence);
      if (sentences.length >= 2 && sentences.length * 2 > values.length) for (const v of sentences) if (ts.isStringLiteralLike(v)) report(v, v.text);
    }
    if (ts.isPropertyAssignment(node) && (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer))) {
      const key = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : "";
      const text = node.initializer.text;
      const enumLabel = UPPER_KEY.test(key) && hasWords(text) && plainWords(text) && (looksEnglish(text) || hasPhrase(text));
      if (enumLabel || (TEXT_PROPS.has(key) && looksEnglish(text) && hasWords(text))) report(node.initializer, text);
    } else if (ts.isStringLiteral(node) && looksEnglish(node.text) && hasPhrase(node.text) && !inDeveloperText(node)) {
      const p = node.parent;
      const passedOn =
        ts.isReturnStatement(p) ||
        (ts.isArrowFunction(p) && p.body === node) ||
        (ts.isCallExpression(p) && p.arguments.includes(node)) ||
        (ts.isBinaryExpression(p) && p.right === node && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(p.operatorToken.kind)) ||
        (ts.isConditionalExpression(p) && p.condition !== node);
      if (passedOn) report(node, node.text);
    } else if (ts.isTemplateExpression(node) && !inDeveloperText(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      if (parts.some((part) => hasPhrase(part) && plainWords(part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "")))) report(node, parts.join("…"));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
