import type { DocumentComment, TreeNode } from '../structured/tree.js';
import type { SourcePosition } from '../util/problem.js';

/**
 * A value `privlint init` inferred rather than read from the policy: a person must confirm it.
 * It is written with a trailing `# privlint: proposed` comment; deleting the comment confirms it.
 */
export interface Proposal {
  /** Key path of the value: `categories[0].uses[0].purposes`. */
  path: string;
  /** The value as written, on one line: `[analytics]`, `consent`. */
  value: string;
  at: SourcePosition;
}

/** The comment text that marks a proposal (after the `#`). */
export const PROPOSAL_MARKER = 'privlint: proposed';
const isMarker = (text: string) => text === PROPOSAL_MARKER || text.startsWith(`${PROPOSAL_MARKER} `) || text.startsWith(`${PROPOSAL_MARKER}:`);

/**
 * The values a `# privlint: proposed` comment follows on the same line (a key and its value, or a
 * list item's first key), in document order. A marker on a line of its own marks nothing.
 */
export function findProposals(root: TreeNode, comments: readonly DocumentComment[], file: string): Proposal[] {
  const markers = new Map<number, number>();
  for (const comment of comments) if (isMarker(comment.text)) markers.set(comment.line, comment.column);
  if (markers.size === 0) return [];
  const found: Proposal[] = [];
  const stack: { node: TreeNode; path: string }[] = [{ node: root, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node.kind === 'array') {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push({ node: node.items[index]!, path: `${path}[${index}]` });
      continue;
    }
    if (node.kind !== 'object') continue;
    for (let index = node.entries.length - 1; index >= 0; index--) {
      const entry = node.entries[index]!;
      const childPath = path ? `${path}.${entry.key}` : entry.key;
      const markerColumn = markers.get(entry.keyLine);
      if (markerColumn !== undefined && markerColumn > entry.keyColumn && entry.value.line === entry.keyLine) {
        found.push({ path: childPath, value: oneLine(entry.value), at: { file, line: entry.value.line, column: entry.value.column } });
      }
      stack.push({ node: entry.value, path: childPath });
    }
  }
  return found.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
}

function oneLine(node: TreeNode): string {
  if (node.kind === 'scalar') return String(node.value);
  if (node.kind === 'array') return `[${node.items.map(oneLine).join(', ')}]`;
  return `{ ${node.entries.map((entry) => `${entry.key}: ${oneLine(entry.value)}`).join(', ')} }`;
}
