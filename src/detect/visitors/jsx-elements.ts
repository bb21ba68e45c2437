import type { SourceApi } from '../../catalog/types.js';
import { ts } from '../ts.js';

// Catalogued JSX elements (`kind: element`): which entry an element is, by the attributes it has.

/** `<iframe>`, `<video>`: a lower-case tag is a host element, not a component. */
export function isIntrinsicTag(name: string): boolean {
  return /^[a-z]/.test(name);
}

/** The catalogued entry an element is, and where: the attribute that makes it one (`allow="camera"`, `onPaste={…}`), else the element. */
export interface ElementMatch {
  api: SourceApi;
  at: ts.Node;
}

type Element = ts.JsxOpeningElement | ts.JsxSelfClosingElement;

/**
 * The first entry whose attribute constraints the element meets (`allow="camera; microphone"` holds camera).
 * A constrained element is reported at its first constrained attribute: that is what asks for the data.
 */
export function elementApi(candidates: readonly SourceApi[], node: Element): ElementMatch | undefined {
  for (const api of candidates) {
    const constraints = Object.entries(api.attributes ?? {});
    const matched = constraints.map(([name, tokens]) => matchingAttribute(node, name, tokens));
    if (matched.every((attribute) => attribute !== undefined)) return { api, at: matched[0] ?? node };
  }
  return undefined;
}

/** The attribute `name` when its value holds one of `tokens`; `*` asks only that it be there (a handler: `onPaste={…}`). */
function matchingAttribute(node: Element, name: string, tokens: readonly string[]): ts.JsxAttribute | undefined {
  const attribute = node.attributes.properties.find((property): property is ts.JsxAttribute => ts.isJsxAttribute(property) && ts.isIdentifier(property.name) && property.name.text === name);
  if (!attribute) return undefined;
  return tokens.includes('*') || attributeTokens(attribute).some((token) => tokens.includes(token)) ? attribute : undefined;
}

/** The tokens of an attribute's literal value: `allow="camera 'self'; microphone"` → camera, 'self', microphone; `grant={true}` → true. */
function attributeTokens(attribute: ts.JsxAttribute): string[] {
  const value = attribute.initializer;
  if (value === undefined) return ['true'];
  const literal = ts.isJsxExpression(value) ? value.expression : value;
  if (literal && ts.isStringLiteralLike(literal)) return literal.text.split(/[\s;,]+/).filter(Boolean);
  if (literal?.kind === ts.SyntaxKind.TrueKeyword) return ['true'];
  return [];
}
