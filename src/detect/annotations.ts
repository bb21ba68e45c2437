import { ts } from '../engine/ts.js';
import type { Annotation } from './facts.js';

const PURPOSE_TAG = /@privacy-purpose\b([^\n]*)/;
const REQUIRES_CONSENT_TAG = /@privacy-requires-consent\b([^\n]*)/g;
const CONSENT_GUARD_TAG = /@privacy-consent\b(?!-)([^\n]*)/g;

/** The comments directly before a node (its leading trivia), as text with their start offsets. */
export function leadingComments(node: ts.Node, sourceFile: ts.SourceFile): { text: string; pos: number }[] {
  const ranges = ts.getLeadingCommentRanges(sourceFile.text, node.getFullStart()) ?? [];
  return ranges.map((range) => ({ text: sourceFile.text.slice(range.pos, range.end), pos: range.pos }));
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

/** A `@privacy-purpose` annotation in the comments before `node`, if any (the last one wins). */
export function purposeAnnotation(node: ts.Node, sourceFile: ts.SourceFile): Annotation | undefined {
  let found: Annotation | undefined;
  for (const comment of leadingComments(node, sourceFile)) {
    const match = PURPOSE_TAG.exec(comment.text);
    if (!match) continue;
    const { ids, reason } = splitIds(match[1]!);
    const position = sourceFile.getLineAndCharacterOfPosition(comment.pos + match.index);
    found = { purposes: ids, ...(reason ? { reason } : {}), line: position.line + 1, column: position.character + 1 };
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
