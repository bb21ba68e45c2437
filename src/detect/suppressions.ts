import { ts } from '../engine/ts.js';
import type { SuppressionComment } from './facts.js';

const DIRECTIVE = /^\s*privlint-disable(-next-line)?(?:\s+([^\n]*?))?\s*$/;

/**
 * `// privlint-disable-next-line <rule>[, <rule>] -- reason` and `// privlint-disable <rule> -- reason`
 * (for the whole file). Only real comments count, never text inside strings or templates.
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
    const [rulesPart, ...reasonParts] = (match[2] ?? '').split(/\s--\s?/);
    const rules = (rulesPart ?? '')
      .split(/[\s,]+/)
      .map((rule) => rule.replace(/^privlint\//, ''))
      .filter(Boolean);
    const reason = reasonParts.join(' -- ').trim();
    const position = sourceFile.getLineAndCharacterOfPosition(comment.pos);
    out.push({
      rules,
      scope: match[1] ? 'next-line' : 'file',
      ...(reason ? { reason } : {}),
      line: position.line + 1,
      column: position.character + 1,
    });
  }
  return out;
}

/** Every comment in the file, found through the trivia around tokens (never inside strings). */
function allComments(sourceFile: ts.SourceFile): ts.CommentRange[] {
  const seen = new Map<number, ts.CommentRange>();
  const add = (ranges: ts.CommentRange[] | undefined) => ranges?.forEach((range) => seen.set(range.pos, range));
  const visit = (node: ts.Node) => {
    add(ts.getLeadingCommentRanges(sourceFile.text, node.pos));
    add(ts.getTrailingCommentRanges(sourceFile.text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  add(ts.getLeadingCommentRanges(sourceFile.text, sourceFile.endOfFileToken.pos));
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}
