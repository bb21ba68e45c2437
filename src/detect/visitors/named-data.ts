import { nameApi, type NameMatch } from '../../catalog/names.js';
import { ts } from '../ts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { skipOuterExpressions, staticName } from '../references.js';
import { enclosingFunctionLike, isFunctionLike } from '../scope.js';
import { typedAsPersonalRecord } from '../personal-types.js';
import { destructuredHolderCategory } from '../destructured-holders.js';

// Personal data known by what the code calls it (catalog personal-names.yaml): an e-mail, a phone
// number, a name, an address … is a collection site where its value reaches a sink — an argument
// of a network request, an SDK call, a log, local storage, or a call whose name says it sends or
// stores (`postProfile`, `signIn`, `saveObject`). A form field that only holds it is not.

/** How deep the arguments of a sink are searched for named values (objects in objects, JSON.stringify(…) …). */
const MAX_DEPTH = 5;

/** The callee's last name: `signIn` of `api.signIn(…)`, `post` of `axios.post(…)`. */
export function calleeName(call: ts.CallExpression): string | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/**
 * Where named values are being recorded. `needsFlow`: in the arguments of a call of project code,
 * which is a site only if linking finds the value flowing on to a sink (link/named-sites.ts).
 */
interface Recording {
  analysis: FileAnalysis;
  needsFlow: boolean;
  /**
   * For an object a variable was initialised with (already visited, its edges recorded): record at
   * once and link each site into the variable's slot, named here.
   */
  into?: { slot: string; name: string };
  /** With `into`: only the first personal key is a site (a serialised body's, where it is written). */
  firstOnly?: { recorded: boolean };
  /** Names that need a person around them (`ip`) count bare: the arguments of a hash deriving an identifier. */
  bareQualified?: boolean;
  /** The call is named for a person (`patchProfile`): a bare `address` or `name` key in its objects is theirs. */
  onPerson?: boolean;
  /** A bare `ip` handed to project code: a site only where it reaches a hash deriving an identifier, as if given to it. */
  deriveOnly?: boolean;
  /**
   * For the object a variable passed to the sink was initialised with: report at the variable where
   * it reaches the sink (`storage.saveObject(key, info)`), one site for its personal keys.
   */
  at?: ts.Identifier;
}

/**
 * Record the named personal values in a sink call's arguments. `identify`: an SDK's identify call
 * (`setUserId(id)`, `setUser({ id })`), whose first argument is the account's id whatever its name.
 */
export function recordNamedArguments(analysis: FileAnalysis, call: ts.CallExpression | ts.NewExpression, identify: boolean, needsFlow = false, bareQualified = false, onPerson = false): void {
  const at: Recording = { analysis, needsFlow, ...(bareQualified ? { bareQualified } : {}), ...(onPerson ? { onPerson } : {}) };
  (call.arguments ?? []).forEach((argument, index) => {
    if (identify && index === 0) recordAccountId(at, argument);
    // `identifier(ip, userAgent)` of project code: a bare `ip` counts where the callee hashes it into an id.
    const value = skipOuterExpressions(argument);
    const bare = needsFlow && !bareQualified && ts.isIdentifier(value) ? value : undefined;
    const qualified = bare ? analysis.catalog.names.match(bare.text) : undefined;
    if (bare && qualified?.qualified) record({ ...at, deriveOnly: true }, bare, bare.text, qualified.category);
    else visit(at, argument, 0);
  });
}

/** Named values in what a member written as a sink is given (`location.href = \`${base}?uid=${userId}\``). */
export function recordNamedSent(analysis: FileAnalysis, value: ts.Expression): void {
  visit({ analysis, needsFlow: false }, value, 0);
}

/**
 * Named values in an object a function returns (`return { aroundLatLng: \`${position.latitude}, …\` }`,
 * or `return params` where `const params = { … }` in the same function): a payload built in one
 * function and sent by its caller. Sites only where linking finds the object reaching a sink.
 */
export function recordNamedReturn(analysis: FileAnalysis, expression: ts.Expression, depth = 0): void {
  const value = skipOuterExpressions(expression);
  if (ts.isObjectLiteralExpression(value)) {
    visitObject({ analysis, needsFlow: true }, value, 0);
    return;
  }
  // `return cond ? { aroundLatLng: … } : build(…)`, `return ok && { … }`: each object that may be returned.
  if (depth < 3 && ts.isConditionalExpression(value)) {
    recordNamedReturn(analysis, value.whenTrue, depth + 1);
    recordNamedReturn(analysis, value.whenFalse, depth + 1);
    return;
  }
  if (depth < 3 && ts.isBinaryExpression(value) && LOGICAL.has(value.operatorToken.kind)) {
    recordNamedReturn(analysis, value.right, depth + 1);
    return;
  }
  // `return url + '?' + Object.keys(query).map(…).join('&')`, `return \`${base}?${qs.stringify(params)}\``:
  // a text built here (a concatenation, a template) from the objects of variables declared in the same
  // function, as if each were returned.
  if (!ts.isIdentifier(value)) {
    if (depth === 0 && ((ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.PlusToken) || ts.isTemplateExpression(value))) {
      for (const held of heldObjectsIn(analysis, value)) recordNamedReturn(analysis, held, depth + 1);
    }
    return;
  }
  const binding = analysis.scopeOf(value).lookup(value.text);
  // `let text; if (…) text = [visitorId, userId].join('.'); else text = visitorId + '.' + now; return text`: a text built from named values.
  if ((binding?.kind === 'local' || binding?.kind === 'alias') && binding.slot && binding.reassigned) {
    for (const text of textsAssigned(binding.reassigned, value)) visit({ analysis, needsFlow: true, into: { slot: binding.slot, name: value.text } }, text, 0);
  }
  if (binding?.kind !== 'alias' || binding.members.length > 0 || !binding.slot) return;
  const into = { slot: binding.slot, name: value.text };
  const initial = skipOuterExpressions(binding.expression);
  if (ts.isObjectLiteralExpression(initial) && sameFunction(initial, value)) visitObject({ analysis, needsFlow: true, into }, initial, 0);
  // `let position = { … }; if (…) position = { aroundLatLng: … }; return position`: every object assigned to it there too.
  if (binding.reassigned) for (const assigned of objectsAssigned(binding.reassigned, value)) visitObject({ analysis, needsFlow: true, into }, assigned, 0);
}

/**
 * The identifiers in a returned text that name, once each, a variable the same function initialised with
 * an object literal. Not in what a plain function makes of its arguments (`'~' + distance(userLocation, venue)`):
 * that is its own value, not the object.
 */
function heldObjectsIn(analysis: FileAnalysis, text: ts.Expression): ts.Identifier[] {
  const found = new Map<string, ts.Identifier>();
  const walk = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(skipOuterExpressions(node.expression))) return;
    if (ts.isIdentifier(node) && !found.has(node.text)) {
      const binding = analysis.scopeOf(node).lookup(node.text);
      const initial = binding?.kind === 'alias' && binding.members.length === 0 ? skipOuterExpressions(binding.expression) : undefined;
      if (initial && ts.isObjectLiteralExpression(initial) && sameFunction(initial, text)) found.set(node.text, node);
    }
    ts.forEachChild(node, walk);
  };
  walk(text);
  return [...found.values()];
}

const LOGICAL = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

/** The object literals assigned (`name = { … }`) to a `let` variable in the function that returns it. */
function objectsAssigned(declaration: ts.VariableDeclaration, returned: ts.Identifier): ts.ObjectLiteralExpression[] {
  if (!ts.isIdentifier(declaration.name) || !sameFunction(declaration, returned)) return [];
  const name = declaration.name.text;
  const found: ts.ObjectLiteralExpression[] = [];
  const walk = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = skipOuterExpressions(node.left);
      const right = skipOuterExpressions(node.right);
      if (ts.isIdentifier(left) && left.text === name && ts.isObjectLiteralExpression(right)) found.push(right);
    }
    ts.forEachChild(node, walk);
  };
  const owner = enclosingFunctionLike(declaration);
  const body = owner?.body;
  if (body) ts.forEachChild(body, walk);
  return found;
}

/** Methods of an array made into a text that keep its elements in it: `[a, b].map(…).join('.')`. */
const JOINED_ARRAY_METHODS = new Set(['map', 'filter', 'join', 'concat', 'replace', 'toString', 'trim']);

/**
 * The texts assigned (`text = …`, and its initialiser) to a `let` variable in the function that returns
 * it, built from values put side by side: a concatenation, a template, an array literal joined.
 */
function textsAssigned(declaration: ts.VariableDeclaration, returned: ts.Identifier): ts.Expression[] {
  if (!ts.isIdentifier(declaration.name) || !sameFunction(declaration, returned)) return [];
  const name = declaration.name.text;
  const found: ts.Expression[] = [];
  const add = (node: ts.Expression | undefined) => {
    let value = node && skipOuterExpressions(node);
    while (value && ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && JOINED_ARRAY_METHODS.has(value.expression.name.text)) value = skipOuterExpressions(value.expression.expression);
    if (value && (ts.isArrayLiteralExpression(value) || ts.isTemplateExpression(value) || (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.PlusToken))) found.push(value);
  };
  add(declaration.initializer);
  const walk = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = skipOuterExpressions(node.left);
      if (ts.isIdentifier(left) && left.text === name) add(node.right);
    }
    ts.forEachChild(node, walk);
  };
  const owner = enclosingFunctionLike(declaration);
  const body = owner?.body;
  if (body) ts.forEachChild(body, walk);
  return found;
}

/**
 * `const body = JSON.stringify({ token: pushToken.token }); fetch(url, { body })`,
 * `const info = { maskedEmail }; storage.saveObject('k', info)`: the object a variable of the same
 * function was initialised with (or its JSON), whose keys name the data, reaches the sink with it:
 * a site at the variable there (its first personal key names it), not at every key.
 */
function visitHeldObject(at: Recording, value: ts.Identifier, depth: number): void {
  const binding = at.analysis.scopeOf(value).lookup(value.text);
  if (binding?.kind !== 'alias' || binding.members.length > 0 || !binding.slot || binding.reassigned) return;
  let initial = skipOuterExpressions(binding.expression);
  const serialised = ts.isCallExpression(initial) && isJsonStringify(initial) && initial.arguments[0] !== undefined;
  if (serialised) initial = skipOuterExpressions((initial as ts.CallExpression).arguments[0]!);
  if (!enclosesUse(initial, value)) return;
  // `const pushPath = getPushPath({ expoToken, accountId })` where getPushPath returns `${expoToken}/${accountId}`:
  // a text the file's own function writes its arguments into carries them wherever it is sent.
  // `const url = \`${api}/devices/${deviceToken}\``: a text written of named data carries it too;
  // `const t = await getPushToken()`: what a getter named for the data returns is that data.
  if ((ts.isCallExpression(initial) && !serialised && (formatsIntoText(at.analysis, initial) || namedGetter(at.analysis, initial))) || ts.isTemplateExpression(initial)) {
    visit({ ...at, at: value }, initial, depth + 1);
    return;
  }
  // `const body = JSON.stringify({ …, token: pushToken.token })`: the request body is written once, as
  // text, where it is serialised; its first personal key is the site there, flowing on through the variable.
  if (serialised && ts.isObjectLiteralExpression(initial)) {
    if (serialisedVisited.has(initial)) return;
    serialisedVisited.add(initial);
    visitObject({ ...at, into: { slot: binding.slot, name: value.text }, firstOnly: { recorded: false } }, initial, depth + 1);
    return;
  }
  const held: Recording = { ...at, at: value };
  // `const queries = [{ index, ...params }]; search(queries)`: the objects of an array sent whole.
  if (ts.isArrayLiteralExpression(initial)) {
    for (const element of initial.elements) if (ts.isObjectLiteralExpression(skipOuterExpressions(element))) visit(held, element, depth + 1);
    return;
  }
  if (!ts.isObjectLiteralExpression(initial)) return;
  visitObject(held, initial, depth + 1);
  // `const patch = {}; patch.author = { name, email }; models.repo.create(patch)`: members assigned to it there too.
  for (const assignment of memberAssignments(initial).get(value.text) ?? []) {
    const left = assignment.left as ts.PropertyAccessExpression;
    if (at.analysis.scopeOf(left.expression).lookup(value.text) !== binding || isLiteral(assignment.right)) continue;
    const match = at.analysis.catalog.names.match(left.name.text);
    if (match && !match.qualified) record(held, assignment, left.name.text, match.category);
    else if (!match) visit(held, assignment.right, depth + 1);
  }
}

/** Whether the callee is a function of this file that returns a template literal (a path, a URL, a message) of what it is given. */
function formatsIntoText(analysis: FileAnalysis, call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isIdentifier(callee) || call.arguments.length === 0) return false;
  if (analysis.scopeOf(callee).lookup(callee.text)?.kind !== 'function') return false;
  const declared = moduleFunction(analysis.sourceFile, callee.text);
  if (!declared?.body) return false;
  if (!ts.isBlock(declared.body)) return ts.isTemplateExpression(skipOuterExpressions(declared.body));
  const returned = declared.body.statements.filter(ts.isReturnStatement);
  return returned.length > 0 && returned.every((statement) => statement.expression !== undefined && ts.isTemplateExpression(skipOuterExpressions(statement.expression)));
}

function namedGetter(analysis: FileAnalysis, call: ts.CallExpression): boolean {
  const callee = calleeName(call);
  return callee !== undefined && analysis.catalog.names.matchGetter(callee) !== undefined;
}

/** The file's module-level function of that name: `function f() {}` or `const f = (…) => …`. */
function moduleFunction(file: ts.SourceFile, name: string): ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | undefined {
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer && skipOuterExpressions(declaration.initializer);
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) return value;
    }
  }
  return undefined;
}

/** Serialised bodies already searched: a variable sent twice is one site. */
const serialisedVisited = new WeakSet<ts.Node>();

/** `{ index, ...params }` in an object sent whole, where `const params = { … }` in the same function: its keys are the sent object's. */
function visitSpreadObject(at: Recording, value: ts.Identifier, depth: number): void {
  const binding = at.analysis.scopeOf(value).lookup(value.text);
  if (binding?.kind !== 'alias' || binding.members.length > 0 || binding.reassigned) return;
  const initial = skipOuterExpressions(binding.expression);
  if (ts.isObjectLiteralExpression(initial) && sameFunction(initial, value)) visitObject(at, initial, depth + 1);
}

const assignmentsByFunction = new WeakMap<ts.Node, Map<string, ts.BinaryExpression[]>>();

/** `name.member = value` assignments in the function around `node` (not in functions inside it), by the object's name. */
function memberAssignments(node: ts.Node): Map<string, ts.BinaryExpression[]> {
  const owner = enclosingFunctionLike(node) ?? node.getSourceFile();
  let found = assignmentsByFunction.get(owner);
  if (found) return found;
  const byName = new Map<string, ts.BinaryExpression[]>();
  const walk = (child: ts.Node): void => {
    if (isFunctionLike(child)) return;
    if (ts.isBinaryExpression(child) && child.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(child.left) && ts.isIdentifier(child.left.expression)) {
      const name = child.left.expression.text;
      byName.set(name, [...(byName.get(name) ?? []), child]);
    }
    ts.forEachChild(child, walk);
  };
  const body = isFunctionLike(owner) ? owner.body : owner;
  if (body) ts.forEachChild(body, walk);
  found = byName;
  assignmentsByFunction.set(owner, found);
  return found;
}

function isJsonStringify(call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'stringify' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON';
}

/** Whether two nodes are in the same innermost function (or both at module level). */
function sameFunction(a: ts.Node, b: ts.Node): boolean {
  return enclosingFunctionLike(a) === enclosingFunctionLike(b);
}

/** Whether `declared` is in the function of `use` or one around it: a const a closure reads is the same value. */
function enclosesUse(declared: ts.Node, use: ts.Node): boolean {
  const owner = enclosingFunctionLike(declared);
  for (let current = enclosingFunctionLike(use); ; current = enclosingFunctionLike(current)) {
    if (current === owner) return true;
    if (!current) return false;
  }
}

/** The first argument of `setUserId(id)` / `identify(id, …)` / `setUser({ id, email })`. */
function recordAccountId(at: Recording, argument: ts.Expression): void {
  const { analysis } = at;
  const value = skipOuterExpressions(argument);
  if (ts.isObjectLiteralExpression(value)) {
    for (const property of value.properties) {
      const key = property.name ? staticName(property.name) : undefined;
      if ((key === 'id' || key === 'userId') && (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) record(at, property, key, 'identity.account_id');
    }
    return;
  }
  if (ts.isLiteralExpression(value) || value.kind === ts.SyntaxKind.NullKeyword || value.kind === ts.SyntaxKind.UndefinedKeyword) return;
  const written = ts.isIdentifier(value) ? value.text : ts.isPropertyAccessExpression(value) ? value.name.text : 'id';
  if (!analysis.catalog.names.match(written)) record(at, value, written, 'identity.account_id');
}

function visit(at: Recording, node: ts.Expression, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const expression = skipOuterExpressions(node);
  const { names } = at.analysis.catalog;
  switch (expression.kind) {
    case ts.SyntaxKind.Identifier: {
      const match = names.match((expression as ts.Identifier).text);
      const contextual = match ? undefined : contextualToken(at, expression, (expression as ts.Identifier).text);
      if (match && (!match.qualified || at.bareQualified)) record(at, expression, (expression as ts.Identifier).text, match.category);
      else if (contextual) record(at, expression, (expression as ts.Identifier).text, contextual.category);
      else if (!match && heldCategory(at, (expression as ts.Identifier).text)) record(at, expression, (expression as ts.Identifier).text, heldCategory(at, (expression as ts.Identifier).text)!);
      else if (!match && !at.into && !at.at) visitHeldObject(at, expression as ts.Identifier, depth);
      else if (!match && at.at && ts.isSpreadAssignment(node.parent)) visitSpreadObject(at, expression as ts.Identifier, depth);
      return;
    }
    case ts.SyntaxKind.PropertyAccessExpression: {
      const access = expression as ts.PropertyAccessExpression;
      const match = names.match(access.name.text);
      const owner = nameOf(access.expression);
      // `venue.latitude`, `store.address`: a place's, not the user's.
      if (match && owner !== undefined && match.category.startsWith('location.') && names.isPlaceOwner(owner)) return;
      if (match && (!match.qualified || ownerIsPerson(at.analysis, access.expression))) {
        record(at, access, access.name.text, match.category);
        return;
      }
      const ownerMatch = match || owner === undefined ? undefined : (names.matchMember(owner, access.name.text) ?? contextualToken(at, access, access.name.text));
      if (ownerMatch) record(at, access, `${owner}.${access.name.text}`, ownerMatch.category);
      else if (!match && heldCategory(at, access.name.text)) record(at, access, access.name.text, heldCategory(at, access.name.text)!);
      return;
    }
    case ts.SyntaxKind.ObjectLiteralExpression:
      visitObject(at, expression as ts.ObjectLiteralExpression, depth);
      return;
    case ts.SyntaxKind.ArrayLiteralExpression:
      for (const element of (expression as ts.ArrayLiteralExpression).elements) visit(at, element, depth + 1);
      return;
    case ts.SyntaxKind.TemplateExpression:
      for (const span of (expression as ts.TemplateExpression).templateSpans) visit(at, span.expression, depth + 1);
      return;
    case ts.SyntaxKind.BinaryExpression: {
      const binary = expression as ts.BinaryExpression;
      visit(at, binary.left, depth + 1);
      visit(at, binary.right, depth + 1);
      return;
    }
    case ts.SyntaxKind.ConditionalExpression:
      visit(at, (expression as ts.ConditionalExpression).whenTrue, depth + 1);
      visit(at, (expression as ts.ConditionalExpression).whenFalse, depth + 1);
      return;
    case ts.SyntaxKind.SpreadElement:
      visit(at, (expression as ts.SpreadElement).expression, depth + 1);
      return;
    case ts.SyntaxKind.CallExpression: {
      // `{ carrier: getCarrier() }`: what a getter returns, by its name.
      const callee = calleeName(expression as ts.CallExpression);
      const getter = callee === undefined ? undefined : names.matchGetter(callee);
      if (getter) {
        record(at, expression, `${callee}()`, getter.category);
        return;
      }
      // `userId.toString()`, `email.trim().toLowerCase()`, `expoToken.replace(…)`: the same value, rewritten.
      const target = skipOuterExpressions((expression as ts.CallExpression).expression);
      if (callee !== undefined && SAME_VALUE_METHODS.has(callee) && ts.isPropertyAccessExpression(target)) visit(at, target.expression, depth + 1);
      visitArguments(at, expression as ts.CallExpression, depth);
      return;
    }
    case ts.SyntaxKind.NewExpression:
      visitArguments(at, expression as ts.NewExpression, depth);
      return;
    case ts.SyntaxKind.AwaitExpression:
      visit(at, (expression as ts.AwaitExpression).expression, depth + 1);
      return;
  }
}

/** String methods whose result is their receiver's value, rewritten (not a question about it, as `includes` or `length` are). */
const SAME_VALUE_METHODS = new Set(['toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'normalize', 'replace', 'replaceAll', 'padStart', 'padEnd']);

/** `JSON.stringify({ email })`, `new URLSearchParams({ phone })`, `encodeURIComponent(email)`. */
function visitArguments(at: Recording, call: ts.CallExpression | ts.NewExpression, depth: number): void {
  for (const argument of call.arguments ?? []) visit(at, argument, depth + 1);
}

/**
 * `venue.latitude`, `this.store.coords.lat`: read on a place; also `\`${lat}, ${lng}\`` where
 * `const lat = venuePosition.lat` in the same function: a place's coordinates put in a text.
 */
function isPlaceValue(analysis: FileAnalysis, node: ts.Expression, depth = 0): boolean {
  const value = skipOuterExpressions(node);
  if (ts.isPropertyAccessExpression(value)) {
    const owner = nameOf(value.expression);
    return (owner !== undefined && analysis.catalog.names.isPlaceOwner(owner)) || (depth < 3 && ts.isIdentifier(value.expression) && isPlaceValue(analysis, value.expression, depth + 1));
  }
  if (depth >= 3) return false;
  if (ts.isTemplateExpression(value)) return value.templateSpans.length > 0 && value.templateSpans.every((span) => isPlaceValue(analysis, span.expression, depth + 1));
  if (!ts.isIdentifier(value)) return false;
  const binding = analysis.scopeOf(value).lookup(value.text);
  return binding?.kind === 'alias' && !binding.reassigned && binding.members.length === 0 && sameFunction(binding.expression, value) && isPlaceValue(analysis, binding.expression, depth + 1);
}

/** A bare `token` sent from a file or function named for push notifications (personal-names.yaml token_contexts). */
function contextualToken(at: Recording, node: ts.Node, name: string): NameMatch | undefined {
  if (name.toLowerCase() !== 'token') return undefined;
  const file = at.analysis.sourceFile.fileName.replace(/^.*[\\/]/, '').replace(/\..*$/, '');
  const contexts = [file];
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    const named = (current as { name?: ts.Node }).name;
    if ((isFunctionLike(current) || ts.isClassLike(current)) && named && ts.isIdentifier(named)) contexts.push(named.text);
    else if (isFunctionLike(current) && ts.isVariableDeclaration(current.parent) && ts.isIdentifier(current.parent.name)) contexts.push(current.parent.name.text);
  }
  return at.analysis.catalog.names.matchContextualToken(name, contexts);
}

/** `pushToken` of `pushToken.token`, `token` of `this.state.token.value`. */
export function nameOf(node: ts.Expression): string | undefined {
  const expression = skipOuterExpressions(node);
  return ts.isIdentifier(expression) ? expression.text : ts.isPropertyAccessExpression(expression) ? expression.name.text : undefined;
}

/** `{ email, phoneNumber: form.phone, user: { name } }`: keys name the data; a bare `name` or `address` counts beside other personal keys. */
function visitObject(at: Recording, object: ts.ObjectLiteralExpression, depth: number): void {
  const { names } = at.analysis.catalog;
  const keyed = object.properties.map((property) => {
    const key = property.name && !ts.isComputedPropertyName(property.name) ? staticName(property.name) : undefined;
    // `{ token }` in push code is named by its context; `{ token: pushToken.token }` by its value, visited below.
    const contextual = key !== undefined && ts.isShorthandPropertyAssignment(property) ? contextualToken(at, property, key) : undefined;
    return { property, key, match: key === undefined ? undefined : (names.match(key) ?? contextual ?? names.matchHeader(key)) };
  });
  const personal = at.onPerson === true || keyed.some(({ match }) => match !== undefined && !match.qualified);
  for (const { property, key, match } of keyed) {
    // `{ anonymize_ip: true }`, `{ email: 'support@shop.example' }`: a setting or a constant, not the user's data.
    if (ts.isPropertyAssignment(property) && isLiteral(property.initializer)) continue;
    // `{ lat: venue.latitude }`: a place's coordinates, whatever the key.
    if (match && match.category.startsWith('location.') && ts.isPropertyAssignment(property) && isPlaceValue(at.analysis, property.initializer)) continue;
    if (match && key !== undefined && (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && (!match.qualified || personal || heldRecordIsPersonal(at, property))) {
      record(at, property, key, match.category);
      continue;
    }
    if (ts.isPropertyAssignment(property)) visit(at, property.initializer, depth + 1);
    // A spread object's keys are this object's own: no deeper.
    else if (ts.isSpreadAssignment(property)) visit(at, property.expression, depth);
    // `fetch(url, { method, body })`: a shorthand is its variable, whose object may be held above.
    else if (ts.isShorthandPropertyAssignment(property) && !match && !at.into && !at.at) visitHeldObject(at, property.name, depth + 1);
  }
}

/** `query` where the file does `const { latitude } = query`: what it holds (destructured-holders.ts). */
function heldCategory(at: Recording, name: string): string | undefined {
  return destructuredHolderCategory(name, at.analysis.sourceFile, at.analysis.catalog);
}

/** `{ name }` where `name: Name` and `interface Name { firstName: string; … }` in the file: a bare key holding a record of personal fields. */
function heldRecordIsPersonal(at: Recording, property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): boolean {
  return typedAsPersonalRecord(ts.isShorthandPropertyAssignment(property) ? property.name : property.initializer, at.analysis.catalog);
}

/** `user.name`, `this.props.customer.address`: the object the member is read on holds a person's data. */
function ownerIsPerson(analysis: FileAnalysis, owner: ts.Expression): boolean {
  const name = nameOf(owner);
  return name !== undefined && analysis.catalog.names.isPersonOwner(name);
}

function isLiteral(node: ts.Expression): boolean {
  const value = skipOuterExpressions(node);
  return (
    ts.isLiteralExpression(value) ||
    ts.isNoSubstitutionTemplateLiteral(value) ||
    value.kind === ts.SyntaxKind.TrueKeyword ||
    value.kind === ts.SyntaxKind.FalseKeyword ||
    value.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(value) && value.text === 'undefined')
  );
}

/** A value named by something other than its own expression (a payload key): a site at once, no flow needed. */
export function recordNamedValue(analysis: FileAnalysis, node: ts.Node, written: string, category: string): void {
  record({ analysis, needsFlow: false }, node, written, category);
}

/**
 * Recorded once the call's arguments have been visited (FileAnalysis.recordAfterChildren), so a
 * catalogued read at the same place (`req.ip`, `event.deviceToken`) keeps its own site.
 */
function record(at: Recording, node: ts.Node, written: string, category: string): void {
  const { analysis, needsFlow, into } = at;
  if (holdsConstant(analysis, node)) return;
  if (at.firstOnly) {
    if (at.firstOnly.recorded || analysis.holdsCataloguedSource(node)) return;
    at.firstOnly.recorded = true;
  }
  const also = analysis.catalog.names.alsoOf(written, category);
  if (at.at) {
    // `const context = { version: process.getSystemVersion() }`: the catalogued read is the site, it flows on by itself.
    if (analysis.holdsCataloguedSource(node)) return;
    const held = at.at;
    // Reported where the object is sent, with a step where its personal key is written.
    analysis.recordAfterChildren(() => analysis.recordSource(nameApi(`${held.text}.${written}`, category, also), held, { ...(needsFlow ? { needsFlow } : {}), key: { node, name: written } }));
    return;
  }
  const recordIt = () => analysis.recordSource(nameApi(written, category, also), node, { ...(needsFlow ? { needsFlow } : {}), ...(at.deriveOnly ? { deriveOnly: true } : {}) });
  if (!into) {
    analysis.recordAfterChildren(recordIt);
    return;
  }
  recordIt();
  analysis.sourceInto(node, into.slot, `assigned to ${into.name}`);
}

/** `coords.latitude` where `const coords = { latitude: 0, longitude: 0 }`: a value the code wrote itself, not the user's. */
function holdsConstant(analysis: FileAnalysis, node: ts.Node): boolean {
  let value: ts.Node = ts.isPropertyAssignment(node) ? node.initializer : ts.isShorthandPropertyAssignment(node) ? node.name : node;
  while (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) value = value.expression;
  value = skipOuterExpressions(value as ts.Expression);
  if (!ts.isIdentifier(value)) return false;
  const binding = analysis.scopeOf(value).lookup(value.text);
  if (binding?.kind === 'string') return true;
  if (binding?.kind !== 'alias' || binding.reassigned) return false;
  const declaration = binding.expression.parent;
  return ts.isVariableDeclaration(declaration) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0 && isConstantValue(binding.expression);
}

/** A literal, or an object or array literal made only of them. */
function isConstantValue(node: ts.Expression, depth = 0): boolean {
  const value = skipOuterExpressions(node);
  if (isLiteral(value)) return true;
  if (depth > 4) return false;
  if (ts.isArrayLiteralExpression(value)) return value.elements.every((element) => isConstantValue(element, depth + 1));
  if (ts.isObjectLiteralExpression(value)) return value.properties.every((property) => ts.isPropertyAssignment(property) && isConstantValue(property.initializer, depth + 1));
  return false;
}
