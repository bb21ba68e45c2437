import type { CST } from 'yaml';

/**
 * How deeply a manifest or config may nest collections. Real ones nest a handful of levels; the YAML
 * composer, and privlint's own walks over the tree, recurse once per level, and a document nested
 * tens of thousands deep ended them with "Maximum call stack size exceeded".
 */
export const MAX_DOCUMENT_DEPTH = 100;

/**
 * The offset of the first collection nested deeper than `limit` in the parser's tokens (the
 * parser itself keeps an explicit stack), or undefined; found without recursion, before composing.
 */
export function offsetDeeperThan(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > limit) return token.offset;
    for (let index = token.items.length - 1; index >= 0; index--) {
      const item = token.items[index]!;
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
    }
  }
  return undefined;
}
