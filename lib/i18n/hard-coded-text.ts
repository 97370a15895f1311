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
