import type { SourceApi } from '../../catalog/types.js';
import { ts } from '../ts.js';

// Catalogued JSX elements (`kind: element`): which entry an element is, by the attributes it has.

/** `<iframe>`, `<video>`: a lower-case tag is a host element, not a component. */
export function isIntrinsicTag(name: string): boolean {
  return /^[a-z]/.test(name);
}

/** The first entry whose attribute constraints the element meets (`allow="camera; microphone"` holds camera). */
export function elementApi(candidates: readonly SourceApi[], node: ts.JsxOpeningElement | ts.JsxSelfClosingElement): SourceApi | undefined {
  return candidates.find((api) => Object.entries(api.attributes ?? {}).every(([name, tokens]) => attributeTokens(node, name).some((token) => tokens.includes(token))));
}

/** The tokens of an attribute's literal value: `allow="camera 'self'; microphone"` → camera, 'self', microphone; `grant={true}` → true. */
function attributeTokens(node: ts.JsxOpeningElement | ts.JsxSelfClosingElement, name: string): string[] {
  for (const property of node.attributes.properties) {
    if (!ts.isJsxAttribute(property) || !ts.isIdentifier(property.name) || property.name.text !== name) continue;
    const value = property.initializer;
    if (value === undefined) return ['true'];
    const literal = ts.isJsxExpression(value) ? value.expression : value;
    if (literal && ts.isStringLiteralLike(literal)) return literal.text.split(/[\s;,]+/).filter(Boolean);
    if (literal?.kind === ts.SyntaxKind.TrueKeyword) return ['true'];
    return [];
  }
  return [];
}
