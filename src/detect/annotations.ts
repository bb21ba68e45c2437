import { ts } from './ts.js';
import type { Annotation } from './facts.js';

const PURPOSE_TAG = /@privacy-purpose\b([^\n]*)/;
const REQUIRES_CONSENT_TAG = /@privacy-requires-consent\b([^\n]*)/g;
const CONSENT_GUARD_TAG = /@privacy-consent\b(?!-)([^\n]*)/g;

/**
 * The comments directly above a node: the block of comment lines that ends on the line before
 * the node's first token (or on its line), without a blank line in between, and not trailing
 * other code. "Directly above" (issue 3) is meant literally, as ESLint's disable-next-line: a
 * blank line ends the block, so an annotation cannot drift onto an unrelated statement.
 */
export function leadingComments(node: ts.Node, sourceFile: ts.SourceFile): { text: string; pos: number }[] {
  return splitLeadingComments(node, sourceFile).attached;
}

/** The leading comments of a node, split into the attached block and those a blank line (or code) separates. */
export function splitLeadingComments(node: ts.Node, sourceFile: ts.SourceFile): { attached: { text: string; pos: number }[]; detached: { text: string; pos: number }[] } {
  const text = sourceFile.text;
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const attached: { text: string; pos: number }[] = [];
  const detached: { text: string; pos: number }[] = [];
  let next = node.getStart(sourceFile);
  let connected = true;
  for (let index = ranges.length - 1; index >= 0; index--) {
    const range = ranges[index]!;
    const between = text.slice(range.end, next);
    const lineStart = text.lastIndexOf('\n', range.pos - 1) + 1;
    const trailsCode = text.slice(lineStart, range.pos).trim() !== '';
    connected &&= (between.match(/\n/g)?.length ?? 0) <= 1 && !trailsCode;
    (connected ? attached : detached).unshift({ text: text.slice(range.pos, range.end), pos: range.pos });
    next = range.pos;
  }
  return { attached, detached };
}

/** Where a `@privacy-purpose` sits above the node but separated from it by a blank line (it then annotates nothing). */
export function detachedPurposeLine(node: ts.Node, sourceFile: ts.SourceFile): number | undefined {
  const detached = splitLeadingComments(node, sourceFile).detached.filter((comment) => PURPOSE_TAG.test(comment.text));
  const last = detached.at(-1);
  if (!last) return undefined;
  const offset = last.pos + PURPOSE_TAG.exec(last.text)!.index;
  return sourceFile.getLineAndCharacterOfPosition(offset).line + 1;
}

/** The ids in `a, b -- reason` (the comment's end `*\/` removed). */
function splitIds(raw: string): { ids: string[]; reason?: string } {
  const cleaned = raw.replace(/\*\/.*$/, '').replace(/\*+\s*$/, '');
  const [list, ...reasonParts] = cleaned.split(/\s--\s?|^--\s?/);
  const ids = (list ?? '')
    .split(/[,\s]+/)
    .map((id) => id.trim())
    .filter((id) => /^[A-Za-z0-9_.-]+$/.test(id));
  const reason = reasonParts.join(' -- ').trim();
  return reason ? { ids, reason } : { ids };
}

/** Where each id of `a, b -- reason` starts in the raw text after the tag (the ids splitIds found, in order). */
function purposeSpans(raw: string, ids: readonly string[]): { purpose: string; offset: number }[] {
  const spans: { purpose: string; offset: number }[] = [];
  let from = 0;
  for (const id of ids) {
    const token = new RegExp(`(?<![A-Za-z0-9_.-])${id.replace(/[.]/g, '\\.')}(?![A-Za-z0-9_.-])`, 'g');
    token.lastIndex = from;
    const match = token.exec(raw);
    if (!match) break;
    spans.push({ purpose: id, offset: match.index });
    from = match.index + id.length;
  }
  return spans;
}

/** A `@privacy-purpose` annotation in the comments before `node`, if any (the last one wins). */
export function purposeAnnotation(node: ts.Node, sourceFile: ts.SourceFile): Annotation | undefined {
  let found: Annotation | undefined;
  for (const comment of leadingComments(node, sourceFile)) {
    const match = PURPOSE_TAG.exec(comment.text);
    if (!match) continue;
    const { ids, reason } = splitIds(match[1]!);
    const position = sourceFile.getLineAndCharacterOfPosition(comment.pos + match.index);
    const listStart = comment.pos + match.index + match[0].length - match[1]!.length;
    const spans = purposeSpans(match[1]!, ids).map(({ purpose, offset }) => {
      const at = sourceFile.getLineAndCharacterOfPosition(listStart + offset);
      return { purpose, line: at.line + 1, column: at.character + 1 };
    });
    // `analytics, analytics` is one purpose.
    found = { purposes: [...new Set(ids)], ...(reason ? { reason } : {}), line: position.line + 1, column: position.character + 1, spans };
  }
  return found;
}

export function requiredConsentKeys(node: ts.Node, sourceFile: ts.SourceFile): string[] {
  const keys: string[] = [];
  for (const comment of leadingComments(node, sourceFile)) {
    for (const match of comment.text.matchAll(REQUIRES_CONSENT_TAG)) keys.push(...splitIds(match[1]!).ids);
  }
  return keys;
}

/** `@privacy-consent ads` marks a guard for "ads"; a bare `@privacy-consent` takes the key from argument 0. */
export function consentGuardKeys(node: ts.Node, sourceFile: ts.SourceFile): string[] | undefined {
  let keys: string[] | undefined;
  for (const comment of leadingComments(node, sourceFile)) {
    for (const match of comment.text.matchAll(CONSENT_GUARD_TAG)) {
      keys = [...(keys ?? []), ...splitIds(match[1]!).ids];
    }
  }
  return keys;
}

/**
 * The node whose leading comments document a function: the function itself, or the variable
 * statement / export / property that holds it (`export const f = () => …`).
 */
export function documentationHost(fn: ts.Node): ts.Node[] {
  const hosts: ts.Node[] = [fn];
  let current: ts.Node = fn;
  while (current.parent) {
    const parent: ts.Node = current.parent;
    if (
      ts.isVariableDeclaration(parent) ||
      ts.isVariableDeclarationList(parent) ||
      ts.isVariableStatement(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isExportAssignment(parent) ||
      (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) ||
      (ts.isExpressionStatement(parent) && current === parent.expression) ||
      ts.isParenthesizedExpression(parent) ||
      (ts.isCallExpression(parent) && isWrappingCall(parent, current))
    ) {
      hosts.push(parent);
      current = parent;
    } else {
      break;
    }
  }
  return hosts;
}

/** `useCallback(() => …)`, `memo(function …)`: the documentation of the outer statement applies. */
function isWrappingCall(call: ts.CallExpression, argument: ts.Node): boolean {
  return call.arguments[0] === argument;
}
