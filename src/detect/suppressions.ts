import { ts } from './ts.js';
import type { SuppressionComment } from './facts.js';

const DIRECTIVE = /^\s*privlint-disable(-next-line|-line)?(?:\s+([^\n]*?))?\s*$/;
const SCOPES = { '-next-line': 'next-line', '-line': 'line' } as const;

/**
 * `// privlint-disable-next-line <rule>[, <rule>] -- reason`, `// privlint-disable-line <rule> -- reason`
 * (its own line, like eslint-disable-line) and `// privlint-disable <rule> -- reason` (for the whole
 * file), also as block comments and in JSX (`{/* privlint-disable-next-line … *\/}`).
 * Only real comments count, never text inside strings, templates or JSX text.
 */
export function collectSuppressions(sourceFile: ts.SourceFile): SuppressionComment[] {
  const text = sourceFile.text;
  if (!text.includes('privlint-disable')) return [];
  const out: SuppressionComment[] = [];
  for (const comment of allComments(sourceFile)) {
    const raw = text.slice(comment.pos, comment.end);
    const body = comment.kind === ts.SyntaxKind.SingleLineCommentTrivia ? raw.slice(2) : raw.slice(2, -2);
    const match = DIRECTIVE.exec(body.replace(/^\s*\*?/, ''));
    if (!match) continue;
    // The reason starts at the first "--" after a space (or right after the directive).
    const rest = match[2] ?? '';
    const separator = /(?:^|\s)--/.exec(rest);
    const rules = (separator ? rest.slice(0, separator.index) : rest)
      .split(/[\s,]+/)
      .map((rule) => rule.replace(/^privlint\//, ''))
      .filter(Boolean);
    const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
    const position = sourceFile.getLineAndCharacterOfPosition(comment.pos);
    out.push({
      rules,
      scope: match[1] ? SCOPES[match[1] as keyof typeof SCOPES] : 'file',
      ...(reason ? { reason } : {}),
      line: position.line + 1,
      column: position.character + 1,
      removal: removalRange(sourceFile, comment),
    });
  }
  return out;
}

/**
 * What deleting a comment removes: the whole line (or lines) when nothing but the comment is on it —
 * a JSX comment's braces count as part of it —, else the comment and the spaces before it, so
 * `call(); // privlint-disable-line …` becomes `call();`.
 */
function removalRange(sourceFile: ts.SourceFile, comment: ts.CommentRange) {
  const { text } = sourceFile;
  const lineStart = text.lastIndexOf('\n', comment.pos - 1) + 1;
  const newline = text.indexOf('\n', comment.end);
  const lineEnd = newline < 0 ? text.length : newline;
  const before = text.slice(lineStart, comment.pos);
  const after = text.slice(comment.end, lineEnd);
  const jsx = /^\s*\{\s*$/.test(before) && /^\s*\}\s*$/.test(after.replace(/\r$/, ''));
  const alone = jsx || (before.trim() === '' && after.trim() === '');
  let start: number;
  let end: number;
  if (alone) {
    start = lineStart;
    end = newline < 0 ? text.length : newline + 1;
    // The last line of a file without a newline: take the newline before it instead.
    if (newline < 0 && lineStart > 0) start = lineStart - 1;
  } else {
    start = comment.pos - (before.length - before.trimEnd().length);
    end = comment.end;
  }
  const from = sourceFile.getLineAndCharacterOfPosition(start);
  const to = sourceFile.getLineAndCharacterOfPosition(end);
  return { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
}

/**
 * Every comment in the file: the trivia around each token, punctuation included, so a comment in
 * a JSX expression container (after its opening brace) counts. JSX text is text, not trivia: a
 * comment-like run inside it is no comment. Strings and templates are tokens, never trivia.
 */
function allComments(sourceFile: ts.SourceFile): ts.CommentRange[] {
  const { text } = sourceFile;
  const seen = new Map<number, ts.CommentRange>();
  const jsxText: [number, number][] = [];
  const add = (ranges: ts.CommentRange[] | undefined) => ranges?.forEach((range) => seen.set(range.pos, range));
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.JsxText) {
      jsxText.push([node.pos, node.end]);
      return;
    }
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(sourceFile)) visit(child);
  };
  visit(sourceFile);
  return [...seen.values()].filter((range) => !jsxText.some(([start, end]) => range.pos >= start && range.pos < end)).sort((a, b) => a.pos - b.pos);
}
