import type { SourceApi } from '../catalog/types.js';
import { ts } from './ts.js';
import type { FileFacts } from './facts.js';
import { OTHER_USE_SLOT } from './flows.js';

/** A catalogued API read or called at one place of the file (its sites share the index of the first). */
export interface RecordedSource {
  /** Index of its first site in FileFacts.sources, and of its `s<index>` flow slot. */
  index: number;
  api: SourceApi;
  node: ts.Node;
  functionIndex: number | null;
}

/**
 * Sources whose value provably goes nowhere, which are therefore not collection sites:
 *
 * - a **low-confidence** read (or a device getter known by name) whose value never leaves its function — only compared, tested, used
 *   in a condition or for arithmetic (`navigator.language === 'fr'`, `if (Platform.Version >= 26)`),
 *   as the file's value graph shows: no edge from it reaches a return of its function, an argument
 *   of a call, a sink, a field of `this`, a context or a module-level variable;
 * - a low-confidence read that leaves its function only as a yes/no (`return !!window.sessionStorage`,
 *   a feature test) or only through what it formats (a locale given to `Intl.NumberFormat(…).format(n)`
 *   or `toLocaleString`, a time-zone offset added to a time or given to a Date setter): edges marked
 *   `presence` or `formatted` are not followed. These are `featureTests`: a file or a gathering that
 *   fingerprints (fingerprint-signals.ts) counts and reports them after all, because there the yes/no
 *   is the trait;
 * - a **callback-style** source whose callbacks take no parameter and whose result is unused
 *   (`getCurrentPosition(() => resolve(GRANTED))` only raises the permission prompt);
 * - a read of any confidence that is itself an operand of an equality test, whose value ends there.
 *
 * The answer comes from the same value graph (FlowEdge) that links wrappers and finds flows.
 */
export function containedSources(
  sources: readonly RecordedSource[],
  facts: FileFacts,
  moduleSlots: ModuleSlots,
  /** The flow slots of the variables an expression reads (`pushToken` of `pushToken.token`, `id` of `{ id }`). */
  slotsRead: (node: ts.Node) => string[],
): { contained: Set<number>; featureTests: Set<number> } {
  const contained = new Set<number>();
  const featureTests = new Set<number>();
  let edges: Map<string, string[]> | undefined;
  let dataEdges: Map<string, string[]> | undefined;
  const explained = explainedNames(sources, facts, slotsRead);
  for (const source of sources) {
    if (explained.has(source.index)) {
      contained.add(source.index);
      continue;
    }
    // An installed-app probe answers by which callback it calls (appAvailability.check(app, yes, no)): that is the data.
    if (source.api.category !== 'apps.installed' && ignoresItsCallbacks(source.node)) {
      contained.add(source.index);
      continue;
    }
    // Read only to be compared on the spot (`(await Clipboard.getString()) === copied`): a yes/no, whatever the API.
    if (source.api.category !== 'apps.installed' && source.api.confidence !== 'name' && comparedOnTheSpot(source.node)) {
      contained.add(source.index);
      continue;
    }
    // One-app probes (canOpenURL, appAvailability.check) answer by control flow: the value need not flow anywhere.
    // So does a device getter known by its name (`retriever.getCarrier()`, calls.ts): only tested, it is no site.
    const namedCall = source.api.confidence === 'name' && source.api.kind === 'call';
    if ((source.api.confidence !== 'low' && !namedCall) || source.api.category === 'apps.installed') continue;
    edges ??= adjacency(facts);
    if (!leavesItsFunction(`s${source.index}`, source.functionIndex, edges, facts, moduleSlots)) {
      contained.add(source.index);
      continue;
    }
    dataEdges ??= adjacency(facts, (edge) => !edge.presence && !edge.formatted);
    if (!leavesItsFunction(`s${source.index}`, source.functionIndex, dataEdges, facts, moduleSlots)) {
      contained.add(source.index);
      featureTests.add(source.index);
    }
  }
  return { contained, featureTests };
}

function adjacency(facts: FileFacts, keep: (edge: FileFacts['flowEdges'][number]) => boolean = () => true): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const edge of facts.flowEdges) {
    if (!keep(edge)) continue;
    const list = edges.get(edge.from);
    if (list) list.push(edge.to);
    else edges.set(edge.from, [edge.to]);
  }
  return edges;
}

/**
 * The module-level variables of a file: `exported` ones (or all, in a CommonJS module) hand their value
 * to other files; the others are the module's own locals, read by its functions — followed further,
 * any function's return then counting as leaving (`const zone = …; if (zone) Intl…(zone)` at the top
 * level stays in the module).
 */
export interface ModuleSlots {
  exported: ReadonlySet<string>;
  private: ReadonlySet<string>;
}

function leavesItsFunction(start: string, functionIndex: number | null, edges: Map<string, string[]>, facts: FileFacts, moduleSlots: ModuleSlots): boolean {
  // The functions whose return hands the value to someone else: the source's own and those around it.
  const enclosing = new Set<number>();
  for (let index = functionIndex; index !== null; index = facts.functions[index]?.parentFunction ?? null) enclosing.add(index);
  const seen = new Set([start]);
  const queue = [start];
  // Through a module-level variable, every function of the file may read the value: any return leaves.
  let anyReturn = false;
  while (queue.length > 0) {
    const slot = queue.shift()!;
    for (const next of edges.get(slot) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      if (moduleSlots.private.has(next)) anyReturn = true;
      if (leaves(next, enclosing, moduleSlots, anyReturn)) return true;
      queue.push(next);
    }
  }
  return false;
}

/** Does data in `slot` leave the function (see containedSources)? Local variables and parameters of inner callbacks do not. */
function leaves(slot: string, enclosing: ReadonlySet<number>, moduleSlots: ModuleSlots, anyReturn: boolean): boolean {
  switch (slot[0]) {
    case 'v':
      return moduleSlots.exported.has(slot);
    case 'p':
    case 's':
    case 'c':
      return false;
    case 'r':
      // An inner callback's return goes wherever its caller's result goes: followed further.
      return anyReturn || enclosing.has(Number(slot.slice(1)));
    default:
      // a<i>.<k> an argument of a project call, k<i> a sink, u other code, t<…> a field of this, x… a context.
      return slot === OTHER_USE_SLOT || 'aktx'.includes(slot[0]!);
  }
}

/**
 * The read is itself an operand of an equality test (`(await Clipboard.getString()) === text`,
 * `getUniqueId() !== previous`): its value ends there, as a yes/no. Not a read whose parts are
 * compared (`position.coords.latitude > 0` reads the position), nor one stored first.
 */
function comparedOnTheSpot(node: ts.Node): boolean {
  let outer = node;
  while (ts.isAwaitExpression(outer.parent) || ts.isParenthesizedExpression(outer.parent) || ts.isNonNullExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  return ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind);
}

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `getCurrentPosition(() => resolve(GRANTED), () => …)` with its result unused: the callbacks never see the value. */
function ignoresItsCallbacks(node: ts.Node): boolean {
  if (!ts.isCallExpression(node)) return false;
  let outer: ts.Node = node;
  while (ts.isAwaitExpression(outer.parent) || ts.isParenthesizedExpression(outer.parent) || ts.isVoidExpression(outer.parent)) outer = outer.parent;
  if (!ts.isExpressionStatement(outer.parent)) return false;
  const callbacks: (ts.ArrowFunction | ts.FunctionExpression)[] = [];
  const others: ts.Expression[] = [];
  for (const argument of node.arguments) {
    if (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) callbacks.push(argument);
    else others.push(argument);
  }
  // A callback passed by name, or in an object of options, may read the value: only literals without parameters prove it is ignored.
  return callbacks.length > 0 && callbacks.every((callback) => callback.parameters.length === 0) && others.every(isPlainValue);
}

function isPlainValue(node: ts.Expression): boolean {
  return ts.isLiteralExpression(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword;
}

/**
 * Values known only by their name (`{ deviceId: id }`, `adId`) that a catalogued source of the file
 * explains: the named value holds the source's read (`deviceId: await getUniqueId()`), or reads a
 * variable it feeds (`const id = getUniqueId(); … { deviceId: id }`). The catalogued site and its
 * flows already say it; a second site at the same data would be noise. A named value merely beside
 * catalogued data in one object (`{ token: pushToken.token, os: getSystemVersion() }`) is other data.
 */
function explainedNames(sources: readonly RecordedSource[], facts: FileFacts, slotsRead: (node: ts.Node) => string[]): Set<number> {
  const named = sources.filter((source) => source.api.confidence === 'name');
  const explained = new Set<number>();
  if (named.length === 0) return explained;
  // A trait that counts only when sent (`sent`: the OS version) is not what a name beside it holds (an account id in the same event).
  const catalogued = sources.filter((source) => source.api.confidence !== 'name' && !source.api.sent);
  if (catalogued.length === 0) return explained;
  // Which slots carry a catalogued source's data, in the file's value graph.
  const fed = new Set<string>();
  const edges = adjacency(facts);
  const queue = catalogued.map((source) => `s${source.index}`);
  for (const slot of queue) fed.add(slot);
  while (queue.length > 0) {
    for (const next of edges.get(queue.shift()!) ?? []) {
      if (fed.has(next)) continue;
      fed.add(next);
      queue.push(next);
    }
  }
  const lineOf = (node: ts.Node) => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line;
  const cataloguedLines = new Set(catalogued.map((other) => `${other.api.category}\0${lineOf(other.node)}`));
  for (const source of named) {
    const start = source.node.getStart();
    const end = source.node.getEnd();
    const holdsRead = catalogued.some((other) => other.node.getStart() >= start && other.node.getEnd() <= end);
    // `configure({ onRegister: (token) => save(token.token) })`: the catalogued read of the same data on the same line is the site.
    const besideRead = cataloguedLines.has(`${source.api.category}\0${lineOf(source.node)}`);
    if (holdsRead || besideRead || slotsRead(source.node).some((slot) => fed.has(slot))) explained.add(source.index);
  }
  return explained;
}
