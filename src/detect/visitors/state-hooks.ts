import { ts } from '../ts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { evaluateReference, skipOuterExpressions } from '../references.js';
import type { Scope } from '../scope.js';
import { matchSink } from './sinks.js';
import { nameOf, recordNamedValue } from './named-data.js';

// Persisted-state hooks (`const [user, setUser] = useLocalStorage('user')`, react-use, usehooks-ts,
// react-native-mmkv's useMMKVString …): the setter a hook returns in its array is a storage sink when
// the catalog lists that element (sinks.yaml, path `useLocalStorage().1`), and what it is given is
// kept under the state's own name: `setEmail(value)` of `[email, setEmail]` stores an e-mail, and
// `setUser(data)` of `[user, setUser]` stores a person's record whole, their account.

/** `setUser(…)` where `setUser` is element N of an array a catalogued hook returned: a sink, and the value named by the state. */
export function matchStateSetterSink(analysis: FileAnalysis, node: ts.CallExpression, scope: Scope): void {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isIdentifier(callee)) return;
  const binding = scope.lookup(callee.text);
  if (binding?.kind !== 'alias' || binding.members.length !== 1 || binding.reassigned) return;
  const declaration = binding.expression.parent;
  if (!ts.isVariableDeclaration(declaration) || !ts.isArrayBindingPattern(declaration.name)) return;
  const elements = declaration.name.elements;
  const index = elements.findIndex((element) => ts.isBindingElement(element) && ts.isIdentifier(element.name) && element.name.text === callee.text);
  if (index < 0) return;
  const hook = evaluateReference(binding.expression, binding.scope);
  if (hook?.root.kind !== 'import' || hook.segments.at(-1) !== '()') return;
  const before = analysis.facts.sinks.length;
  matchSink(analysis, { root: hook.root, segments: [...hook.segments, String(index)] }, node, scope);
  if (analysis.facts.sinks.length === before) return;
  const state = elements[0];
  const value = node.arguments[0];
  if (!value || !state || !ts.isBindingElement(state) || !ts.isIdentifier(state.name) || isLiteral(value)) return;
  // The value's own name, when it says what it is, is recorded as at any sink (named-data.ts).
  const own = nameOf(skipOuterExpressions(value));
  if (own !== undefined && analysis.catalog.names.match(own)?.qualified === false) return;
  const { names } = analysis.catalog;
  const match = names.match(state.name.text);
  if (match && !match.qualified) recordNamedValue(analysis, value, state.name.text, match.category);
  else if (!match && names.namesPersonRecord(state.name.text)) recordNamedValue(analysis, value, state.name.text, 'identity.account_id');
}

function isLiteral(node: ts.Expression): boolean {
  const value = skipOuterExpressions(node);
  return ts.isLiteralExpression(value) || value.kind === ts.SyntaxKind.NullKeyword || value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(value) && value.text === 'undefined');
}
