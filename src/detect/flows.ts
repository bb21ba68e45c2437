import { ts } from './ts.js';
import { mixesTwoQuantities } from './numeric-mix.js';
import type { ExportTarget, FlowEdge, Reference } from './facts.js';
import { calleeText, skipOuterExpressions } from './references.js';
import { ReturnedClients } from './returned-clients.js';
import { isFunctionLike, patternNames, variableSlot, type Scope } from './scope.js';
import { exportedNames } from './exported-names.js';
import { contextExportSlot, contextImportSlot, contextLocalSlot } from './flow-slots.js';

/** What the flow recorder needs from the file analysis. */
export interface FlowContext {
  sourceFile: ts.SourceFile;
  scopeOf(node: ts.Node): Scope;
  /** Index of the function-like node (creating its fact when needed). */
  functionIndexOf(fn: ts.Node): number;
  /** The function being visited (the innermost around the current node), or null at module level. */
  currentFunction(): number | null;
  sourceIndex(node: ts.Node): number | undefined;
  projectCallIndex(node: ts.Node): number | undefined;
  /** For a call through an invoker (`call(fn, a)`): where the called function's arguments start, null when they are not passed one by one. */
  invokedArguments(node: ts.Node): number | null | undefined;
  sinkIndex(node: ts.Node): number | undefined;
  /** Whether sink `index` derives a value from its arguments (a hash): the data goes on in what it returns. */
  sinkPassesThrough(index: number): boolean;
  /** The arguments of sink `index` that carry data (undefined: all of them). */
  sinkDataArguments(index: number): readonly number[] | undefined;
  /**
   * Whether arguments of other calls (a package's function, a log) are recorded as leaving the
   * function (the `u` slot): asked only when the file has a low-confidence source, whose site is
   * kept only if its value leaves its function (containment.ts).
   */
  recordsOtherUses(): boolean;
  /** Whether source `index` is a value known only by its name (personal-names.yaml), which may wrap a catalogued read. */
  isNamedSource(index: number): boolean;
}

/** The slot of data handed to code the analysis does not follow: a package's function, `console.log`, a method of an unknown object. */
export const OTHER_USE_SLOT = 'u';

/** Words in a callee's call names that mark a hash function (split at camelCase: digestStringAsync → digest). */
const HASH_WORD = /^(?:sha\d*|md[45]|hash(?:ed|es)?|hmac|digest|murmur\w*|xxhash\w*|x64hash\d*|blake[23]\w*|keccak\d*|ripemd\d*|pbkdf2|bcrypt|scrypt|argon2\w*)$/;
/** Array and promise methods whose callback receives the receiver's elements or value. */
const CALLBACK_METHODS = new Set(['then', 'map', 'forEach', 'filter', 'find', 'findLast', 'flatMap', 'some', 'every', 'sort', 'findIndex', 'findLastIndex']);
/** Methods whose result is what their callback returns, not the receiver. */
const RESULT_FROM_CALLBACK = new Set(['then', 'map', 'flatMap']);
const REDUCERS = new Set(['reduce', 'reduceRight']);
/** Methods that store their arguments in the receiver: `list.push(id)`, `params.append('id', id)`. */
const MUTATORS = new Set(['push', 'unshift', 'splice', 'fill', 'set', 'add', 'append']);
/** Methods and functions that answer yes/no or a position: the data does not pass through them. */
const PREDICATE_METHODS = new Set([
  'includes', 'has', 'startsWith', 'endsWith', 'test', 'some', 'every', 'indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex',
  'localeCompare', 'isArray', 'isInteger', 'isSafeInteger', 'isFinite', 'isNaN', 'hasOwnProperty', 'contains',
]);
const PREDICATE_FUNCTIONS = new Set(['Boolean', 'isNaN', 'isFinite']);
/** Properties that give a count, not the data: `ids.length`, `contacts.size`. */
const COUNT_PROPERTIES = new Set(['length', 'size', 'byteLength']);
const STATE_HOOKS = new Set(['useState', 'React.useState', 'useReducer', 'React.useReducer']);
const CONTEXT_HOOKS = new Set(['useContext', 'React.useContext', 'use', 'React.use']);
/** The last names of CONTEXT_HOOKS: a callee named otherwise cannot be one (no need to read its text). */
const CONTEXT_HOOK_NAMES = new Set([...CONTEXT_HOOKS].map((hook) => hook.slice(hook.lastIndexOf('.') + 1)));
const CONTEXT_FACTORIES = new Set(['createContext', 'React.createContext']);

/**
 * Records how values move inside one file, as edges between slots (see FlowEdge). Called in
 * post-order, so every source, project call and sink inside a node is known when it runs.
 * Field-insensitive (an object carries what any of its properties carries; `this.<field>` is the
 * exception) and flow-insensitive within a function — the precision docs/flows.md describes.
 */
export class FlowRecorder {
  readonly edges: FlowEdge[] = [];
  /** `setX` → the slot of `x`, for `const [x, setX] = useState()`. */
  private readonly stateSetters = new Map<string, string>();
  /** Local context variables already linked to the names they are exported under. */
  private readonly linkedContexts = new Set<string>();
  private exportNames?: Map<string, string[]>;

  private readonly clients: ReturnedClients;

  constructor(private readonly context: FlowContext) {
    this.clients = new ReturnedClients((fn) => context.functionIndexOf(fn));
  }

  /** The functions of the objects functions return (FunctionFact.members). */
  returnedMembers(): Map<number, Record<string, ExportTarget>> {
    return this.clients.members();
  }

  /** What each function returns when that is an imported value or made from one (FunctionFact.returns). */
  returnedClients(): Map<number, Reference[]> {
    return this.clients.result();
  }

  afterVisit(node: ts.Node): void {
    switch (node.kind) {
      case ts.SyntaxKind.VariableDeclaration:
        if ((node as ts.VariableDeclaration).initializer) this.declaration(node as ts.VariableDeclaration);
        return;
      case ts.SyntaxKind.BinaryExpression:
        if (isAssignment((node as ts.BinaryExpression).operatorToken.kind)) this.assignment(node as ts.BinaryExpression);
        return;
      case ts.SyntaxKind.ReturnStatement: {
        const expression = (node as ts.ReturnStatement).expression;
        const fn = this.context.currentFunction();
        if (expression && fn !== null) {
          this.link(expression, `r${fn}`, node, 'returned');
          // A tracker plugin's `contexts()`: what it returns is sent (visitors/shaped-sinks.ts).
          const sink = this.context.sinkIndex(node);
          if (sink !== undefined) this.link(expression, `k${sink}`, node, 'sent with every event');
          this.clients.noteReturn(fn, expression, this.context.scopeOf(node));
        }
        return;
      }
      case ts.SyntaxKind.CallExpression:
        this.call(node as ts.CallExpression);
        return;
      case ts.SyntaxKind.JsxSelfClosingElement:
      case ts.SyntaxKind.JsxOpeningElement:
        this.jsx(node as ts.JsxOpeningElement);
        return;
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement:
        this.loop(node as ts.ForOfStatement);
        return;
      case ts.SyntaxKind.ArrowFunction: {
        const arrow = node as ts.ArrowFunction;
        if (!ts.isBlock(arrow.body)) {
          const fn = this.context.functionIndexOf(arrow);
          this.link(arrow.body, `r${fn}`, arrow.body, 'returned');
          this.clients.noteReturn(fn, arrow.body, this.context.scopeOf(arrow.body));
          const sink = this.context.sinkIndex(arrow);
          if (sink !== undefined) this.link(arrow.body, `k${sink}`, arrow.body, 'sent with every event');
        }
        this.destructuredParameters(arrow);
        return;
      }
      case ts.SyntaxKind.PropertyDeclaration: {
        // `state = { id: … }`, `handler = (x) => …` in a class body: a field of `this`.
        const property = node as ts.PropertyDeclaration;
        const slot = property.initializer && ts.isIdentifier(property.name) ? this.thisFieldSlot(property, property.name.text) : undefined;
        if (slot) this.link(property.initializer!, slot, property, `stored in this.${(property.name as ts.Identifier).text}`);
        return;
      }
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.MethodDeclaration:
      case ts.SyntaxKind.Constructor:
        this.destructuredParameters(node as ts.SignatureDeclaration);
        return;
    }
  }

  /** The source recorded at `sourceNode` now flows into `slot` (a parameter a decorator fills). */
  sourceInto(sourceNode: ts.Node, slot: string, note: string): void {
    const source = this.context.sourceIndex(sourceNode);
    if (source !== undefined) this.edge(`s${source}`, slot, sourceNode, note);
  }

  // ── edge points ─────────────────────────────────────────────────────────

  private declaration(node: ts.VariableDeclaration): void {
    const initializer = node.initializer!;
    if (ts.isArrayBindingPattern(node.name) && this.isStateHook(initializer)) {
      const [state, setter] = node.name.elements;
      if (state && ts.isBindingElement(state) && ts.isIdentifier(state.name)) {
        const slot = variableSlot(state.name);
        if (setter && ts.isBindingElement(setter) && ts.isIdentifier(setter.name)) this.stateSetters.set(this.key(setter.name), slot);
        const init = (initializer as ts.CallExpression).arguments[0];
        if (init) this.link(init, slot, node, `initial state ${state.name.text}`);
      }
      return;
    }
    for (const { name, node: nameNode } of patternNames(node.name)) {
      const note = ts.isIdentifier(node.name) ? `assigned to ${name}` : `destructured into ${name}`;
      // `const { ip } = req`: the destructured name is itself a collection site.
      const source = this.context.sourceIndex(nameNode);
      if (source !== undefined) this.edge(`s${source}`, variableSlot(nameNode), nameNode, note);
      else this.link(initializer, variableSlot(nameNode), nameNode, note);
    }
  }

  /** `x = v`, `x += v`, `obj.field = v`, `this.field = v`: the target (as a whole) now carries v. */
  private assignment(node: ts.BinaryExpression): void {
    if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) this.clients.noteAssignment(node, this.context.scopeOf(node));
    // `location.href = url`, `link.href = url`: a member written that sends what it is given (visitors/navigation.ts).
    const sink = this.context.sinkIndex(node);
    if (sink !== undefined) this.link(node.right, `k${sink}`, node.right, `sent through ${this.text(skipOuterExpressions(node.left))} =`);
    const slot = this.storageSlot(node.left);
    if (!slot) return;
    const written = skipOuterExpressions(node.left);
    const note = ts.isIdentifier(written) ? (node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? `assigned to ${written.text}` : `appended to ${written.text}`) : `stored in ${this.text(written)}`;
    this.link(node.right, slot, node, note);
  }

  private call(node: ts.CallExpression): void {
    const { context } = this;
    const projectCall = context.projectCallIndex(node);
    const callee = skipOuterExpressions(node.expression);
    if (projectCall !== undefined) {
      const name = this.calleeName(node);
      const first = context.invokedArguments(node);
      for (let index = 0; index < node.arguments.length; index++) {
        const argument = node.arguments[index]!;
        const position = first === undefined ? index : first === null || index < first ? undefined : index - first;
        if (position !== undefined) this.link(argument, `a${projectCall}.${position}`, argument, `passed to ${name}()`);
      }
      // The receiver, for a call linking cannot resolve to a function (it then passes on what it is given).
      if (ts.isPropertyAccessExpression(callee)) this.link(callee.expression, `a${projectCall}.this`, node, `receiver of ${name}()`);
    }
    const sink = context.sinkIndex(node);
    if (sink !== undefined) {
      const name = this.calleeName(node);
      const data = context.sinkDataArguments(sink);
      node.arguments.forEach((argument, index) => {
        if (!data || data.includes(index)) this.link(argument, `k${sink}`, argument, `sent through ${name}()`);
      });
    }
    if (projectCall === undefined && sink === undefined && context.recordsOtherUses() && !isPredicateCall(callee, context)) {
      const name = this.calleeName(node);
      // A locale given to a formatter, an offset given to a Date setter: it shapes the other value, it is not handed over.
      const derived = formatsWithItsArguments(callee, context) ? FORMATTED : 0;
      node.arguments.forEach((argument) => this.link(argument, OTHER_USE_SLOT, argument, `passed to ${name}()`, derived));
    }
    // `getCurrentPosition((position) => …)`: a callback-style source hands its value to its callback.
    const source = context.sourceIndex(node);
    if (source !== undefined) {
      const callback = node.arguments.map((argument) => this.callbackParameter(argument, 0)).find((slot) => slot !== undefined);
      if (callback) this.edge(`s${source}`, callback, node, `received by the callback of ${this.calleeName(node)}()`);
    }
    // `setDeviceId(value)` from useState, `this.setState({ … })`: the state now holds the value.
    const stateSlot = ts.isIdentifier(callee)
      ? this.stateSetters.get(this.key(callee))
      : isThisMember(callee, 'setState')
        ? this.thisFieldSlot(callee, 'state')
        : undefined;
    if (stateSlot && node.arguments[0]) this.store(node.arguments[0], stateSlot, node, `stored in state by ${this.calleeName(node)}()`);
    // `this.track(id)`: a method of the same class.
    const method = ts.isPropertyAccessExpression(callee) ? this.thisMethod(callee) : undefined;
    if (method !== undefined) {
      const name = this.calleeName(node);
      node.arguments.forEach((argument, index) => this.link(argument, `p${method}.${index}`, argument, `passed to ${name}()`));
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const methodName = callee.name.text;
    // `list.push(id)`, `params.append('id', id)`, `Object.assign(payload, { id })`: the receiver now holds the data.
    if (methodName === 'assign' && node.arguments[0] && this.calleeName(node) === 'Object.assign') {
      const target = this.storageSlot(node.arguments[0]);
      if (target) node.arguments.slice(1).forEach((argument) => this.link(argument, target, argument, `copied into ${this.text(node.arguments[0]!)}`));
    } else if (MUTATORS.has(methodName) && sink === undefined) {
      const target = this.storageSlot(callee.expression);
      if (target) node.arguments.forEach((argument) => this.link(argument, target, argument, `added to ${this.text(callee.expression)} by .${methodName}()`));
    }
    // `promise.then(value => …)`, `list.map(item => …)`, `.then(setId)`: the callback receives the receiver's data.
    if (CALLBACK_METHODS.has(methodName) && node.arguments[0]) {
      const parameter = this.callbackParameter(node.arguments[0], 0);
      if (parameter) this.edge(...this.dependencySlots(callee.expression, parameter), node.arguments[0], `received by the .${methodName}() callback`);
    } else if (REDUCERS.has(methodName) && node.arguments[0]) {
      const element = this.callbackParameter(node.arguments[0], 1);
      const accumulator = this.callbackParameter(node.arguments[0], 0);
      const fn = this.localFunction(node.arguments[0]);
      if (element) this.edge(...this.dependencySlots(callee.expression, element), node.arguments[0], `received by the .${methodName}() callback`);
      if (accumulator && fn !== undefined) this.edge(`r${fn}`, accumulator, node.arguments[0], 'accumulated');
      if (accumulator && node.arguments[1]) this.link(node.arguments[1], accumulator, node.arguments[1], 'initial value');
    }
  }

  private namedCall: ts.CallExpression | undefined;
  private namedCallText = '';
  /** The callee's text, made only when an edge needs it for its note (most calls make none), once per call. */
  private calleeName(node: ts.CallExpression): string {
    if (this.namedCall !== node) {
      this.namedCallText = calleeText(node.expression, this.context.sourceFile);
      this.namedCall = node;
    }
    return this.namedCallText;
  }

  /** `<Profile deviceId={id} />`: props flow into the component's first parameter; `<Ctx.Provider value={v}>` into the context. */
  private jsx(node: ts.JsxSelfClosingElement | ts.JsxOpeningElement): void {
    const projectCall = this.context.projectCallIndex(node);
    const component = node.tagName.getText(this.context.sourceFile);
    const provided = this.providedContext(node.tagName);
    for (const property of node.attributes.properties) {
      if (ts.isJsxAttribute(property) && property.initializer && ts.isJsxExpression(property.initializer) && property.initializer.expression) {
        const propName = property.name.getText(this.context.sourceFile);
        if (provided && propName === 'value') this.link(property.initializer.expression, provided, property, `provided by <${component}>`);
        if (projectCall !== undefined) this.link(property.initializer.expression, `a${projectCall}.0`, property, `passed as prop ${propName} to <${component}>`);
      } else if (ts.isJsxSpreadAttribute(property) && projectCall !== undefined) {
        this.link(property.expression, `a${projectCall}.0`, property, `spread into the props of <${component}>`);
      }
    }
  }

  private loop(node: ts.ForOfStatement | ts.ForInStatement): void {
    const initializer = node.initializer;
    if (!ts.isVariableDeclarationList(initializer)) return;
    for (const declaration of initializer.declarations) {
      for (const { name, node: nameNode } of patternNames(declaration.name)) this.link(node.expression, variableSlot(nameNode), nameNode, `iterated into ${name}`);
    }
  }

  /** `function Profile({ deviceId })`: destructured names carry the parameter's data. */
  private destructuredParameters(fn: ts.SignatureDeclaration): void {
    if (!(fn as { body?: ts.Node }).body) return;
    fn.parameters.forEach((parameter, index) => {
      if (ts.isIdentifier(parameter.name)) return;
      const slot = `p${this.context.functionIndexOf(fn)}.${index}`;
      for (const { name, node: nameNode } of patternNames(parameter.name)) {
        this.edge(slot, variableSlot(nameNode), nameNode, `destructured into ${name}`);
      }
    });
  }

  // ── edges ───────────────────────────────────────────────────────────────

  /** Edges from every slot whose data reaches `expression` to `to`. */
  private link(expression: ts.Expression, to: string, at: ts.Node, note: string, derived = 0): void {
    const found = new Map<string, number>();
    this.dependencies(expression, found, derived);
    for (const [from, derived] of found) if (from !== to) this.edge(from, to, at, note, derived);
  }

  /** Like link, for a state setter's argument: an updater function stores what it returns. */
  private store(value: ts.Expression, slot: string, at: ts.Node, note: string): void {
    const updater = skipOuterExpressions(value);
    if (ts.isArrowFunction(updater) || ts.isFunctionExpression(updater)) this.edge(`r${this.context.functionIndexOf(updater)}`, slot, at, note);
    else this.link(value, slot, at, note);
  }

  private edge(from: string | { from: string; derived: number }[], to: string, at: ts.Node, note: string, derived = 0): void {
    if (Array.isArray(from)) {
      for (const dependency of from) if (dependency.from !== to) this.edge(dependency.from, to, at, note, dependency.derived);
      return;
    }
    const position = this.context.sourceFile.getLineAndCharacterOfPosition(at.getStart(this.context.sourceFile));
    const shown = derived & PRESENCE ? `cast to a boolean, then ${note}` : derived & HASHED ? `hashed, then ${note}` : derived & FORMATTED ? `used to format another value, then ${note}` : note;
    // Marks set one by one (not spread from an object made per mark): the most frequent record of the walk.
    const made: FlowEdge = { from, to, line: position.line + 1, column: position.character + 1, note: shown };
    if (derived & HASHED) made.hashed = true;
    if (derived & PRESENCE) made.presence = true;
    if (derived & FORMATTED) made.formatted = true;
    this.edges.push(made);
  }

  /** The slots an expression's data comes from, paired with a target for `edge`. */
  private dependencySlots(expression: ts.Expression, to: string): [{ from: string; derived: number }[], string] {
    const found = new Map<string, number>();
    this.dependencies(expression, found, 0);
    return [[...found].map(([from, derived]) => ({ from, derived })), to];
  }

  // ── dependencies ────────────────────────────────────────────────────────

  /** The slots whose data an expression's value carries, and how it was derived on the way (HASHED, PRESENCE). */
  private dependencies(node: ts.Node, out: Map<string, number>, hashed: number): void {
    const { context } = this;
    const source = context.sourceIndex(node);
    if (source !== undefined) {
      // `'ontouchstart' in window` is itself the yes/no about the member it tests.
      const isInTest = ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword;
      addDependency(out, `s${source}`, isInTest ? hashed | PRESENCE : hashed);
      // A value known only by its name (`{ ip: req.ip }`) may hold a catalogued read: that one flows too.
      if (!context.isNamedSource(source)) return;
    }
    if (ts.isIdentifier(node)) {
      const slot = this.slotOf(node);
      if (slot) addDependency(out, slot, hashed);
      return;
    }
    // A function value carries what it returns: `useMemo(() => hash(id))`, `{ points: () => [...points] }`.
    if (isFunctionLike(node)) {
      if ((node as { body?: ts.Node }).body) addDependency(out, `r${context.functionIndexOf(node)}`, hashed);
      return;
    }
    if (ts.isClassLike(node)) return;
    if (ts.isCallExpression(node)) {
      this.callDependencies(node, out, hashed);
      return;
    }
    if (ts.isPropertyAccessExpression(node)) {
      if (COUNT_PROPERTIES.has(node.name.text)) return; // a count, not the data
      const field = isThisMember(node) ? this.thisFieldSlot(node, node.name.text) : undefined;
      if (field) addDependency(out, field, hashed);
      else this.dependencies(node.expression, out, hashed);
      return;
    }
    if (ts.isElementAccessExpression(node)) {
      this.dependencies(node.expression, out, hashed);
      return;
    }
    if (ts.isPropertyAssignment(node)) {
      this.dependencies(node.initializer, out, hashed);
      return;
    }
    if (ts.isShorthandPropertyAssignment(node)) {
      this.dependencies(node.name, out, hashed);
      return;
    }
    if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
      this.dependencies(node.right, out, hashed);
      return;
    }
    if (ts.isBinaryExpression(node) && isComparison(node.operatorToken.kind)) return; // a boolean, not the data
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.MinusToken)) {
      // `date.getTime() - offset * 60000`: a time shifted by the value is still a time, not the value.
      const leftIsTime = isTimeValue(node.left);
      if (leftIsTime !== isTimeValue(node.right)) {
        this.dependencies(node.left, out, leftIsTime ? hashed : hashed | FORMATTED);
        this.dependencies(node.right, out, leftIsTime ? hashed | FORMATTED : hashed);
        return;
      }
    }
    if (ts.isBinaryExpression(node) && mixesTwoQuantities(node, (at) => this.context.scopeOf(at))) {
      // `base * fontScale`, `seconds + offsetSeconds`: a new quantity made of both (numeric-mix.ts).
      this.dependencies(node.left, out, hashed | FORMATTED);
      this.dependencies(node.right, out, hashed | FORMATTED);
      return;
    }
    if (ts.isConditionalExpression(node)) {
      this.dependencies(node.whenTrue, out, hashed);
      this.dependencies(node.whenFalse, out, hashed);
      return;
    }
    if (ts.isTypeOfExpression(node) || ts.isVoidExpression(node) || ts.isDeleteExpression(node)) return;
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      // `!x` is a yes/no about x; `!!x` is x cast to a boolean, which fingerprinting returns as the trait itself.
      const operand = skipOuterExpressions(node.operand);
      if (ts.isPrefixUnaryExpression(operand) && operand.operator === ts.SyntaxKind.ExclamationToken) this.dependencies(operand.operand, out, hashed | PRESENCE);
      return;
    }
    // One callback for every node (not a closure per node): the walk's `out` and `hashed` are kept
    // on the recorder and restored when a nested walk returns.
    const outerOut = this.walkingOut;
    const outerHashed = this.walkingHashed;
    this.walkingOut = out;
    this.walkingHashed = hashed;
    ts.forEachChild(node, this.dependencyOfChild);
    this.walkingOut = outerOut;
    this.walkingHashed = outerHashed;
  }

  private walkingOut = new Map<string, number>();
  private walkingHashed = 0;
  private readonly dependencyOfChild = (child: ts.Node): undefined => {
    if (!ts.isTypeNode(child)) this.dependencies(child, this.walkingOut, this.walkingHashed);
    return undefined;
  };

  private callDependencies(node: ts.CallExpression, out: Map<string, number>, hashed: number): void {
    const { context } = this;
    const projectCall = context.projectCallIndex(node);
    if (projectCall !== undefined) {
      addDependency(out, `c${projectCall}`, hashed);
      return;
    }
    const sink = context.sinkIndex(node);
    if (sink !== undefined && !context.sinkPassesThrough(sink)) return;
    const callee = skipOuterExpressions(node.expression);
    // `useContext(DeviceContext)`; React 19's `use()` reads a context too, or a promise (then it is an ordinary call).
    const name = CONTEXT_HOOK_NAMES.has(lastName(callee)) ? calleeText(callee, context.sourceFile) : '';
    if (CONTEXT_HOOKS.has(name) && node.arguments[0] && (!name.endsWith('use') || this.mayBeContext(node.arguments[0]))) {
      const slot = this.contextSlot(node.arguments[0]);
      if (slot) addDependency(out, slot, hashed);
      return;
    }
    if (ts.isIdentifier(callee) && PREDICATE_FUNCTIONS.has(callee.text) && !this.context.scopeOf(callee).lookup(callee.text)) return;
    if (ts.isPropertyAccessExpression(callee)) {
      const methodName = callee.name.text;
      if (PREDICATE_METHODS.has(methodName)) return;
      const method = this.thisMethod(callee);
      if (method !== undefined) {
        addDependency(out, `r${method}`, hashed);
        return;
      }
      // `ids.map((id) => sha256(id))`, `p.then(normalise)`: the result is what the callback returns.
      const fn = node.arguments[0] ? this.localFunction(node.arguments[0]) : undefined;
      if (fn !== undefined && (RESULT_FROM_CALLBACK.has(methodName) || REDUCERS.has(methodName))) {
        addDependency(out, `r${fn}`, hashed);
        if (REDUCERS.has(methodName) && node.arguments[1]) this.dependencies(node.arguments[1], out, hashed);
        return;
      }
      if (methodName === 'then' && node.arguments[0] && this.callbackParameter(node.arguments[0], 0)) return; // `.then(setId)` returns nothing
    }
    const isHash = this.isHashCall(node);
    // An unknown call passes on what its receiver and arguments carry (JSON.stringify, toString, hashing …).
    const derived = isHash ? hashed | HASHED : hashed;
    // `formatter.format(n)` is n shown the receiver's way; `n.toLocaleString(locale)`, `date.setMinutes(m - offset)` are n, the date.
    const receiverFormats = ts.isPropertyAccessExpression(callee) && FORMAT_METHODS.has(callee.name.text);
    const argumentsFormat = formatsWithItsArguments(callee, context);
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) this.dependencies(callee.expression, out, receiverFormats ? derived | FORMATTED : derived);
    for (const argument of node.arguments) this.dependencies(argument, out, argumentsFormat ? derived | FORMATTED : derived);
  }

  // ── slots ───────────────────────────────────────────────────────────────

  private slotOf(identifier: ts.Identifier): string | undefined {
    const binding = this.context.scopeOf(identifier).lookup(identifier.text);
    if (!binding) return undefined;
    if (binding.kind === 'alias' || binding.kind === 'string') return binding.slot;
    if (binding.kind === 'local' || binding.kind === 'model') return binding.slot;
    return undefined;
  }

  /** Where a write to `target` stores data: its root variable, or `this.<field>`. */
  private storageSlot(target: ts.Expression): string | undefined {
    let current = skipOuterExpressions(target);
    while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      if (ts.isPropertyAccessExpression(current) && isThisMember(current)) return this.thisFieldSlot(current, current.name.text);
      current = skipOuterExpressions(current.expression);
    }
    return ts.isIdentifier(current) ? this.slotOf(current) : undefined;
  }

  /** The slot of a callback's parameter: an inline function's, a local function's, or a state setter's state. */
  private callbackParameter(argument: ts.Expression, index: number): string | undefined {
    const expression = skipOuterExpressions(argument);
    if (ts.isIdentifier(expression) && index === 0) {
      const state = this.stateSetters.get(this.key(expression));
      if (state) return state;
    }
    const fn = this.localFunction(expression);
    if (fn === undefined) return undefined;
    const node = this.functionNode(expression);
    return node && node.parameters.length > index ? `p${fn}.${index}` : undefined;
  }

  /** The index of a function given inline or by the name of a function declared in this file. */
  private localFunction(argument: ts.Expression): number | undefined {
    const node = this.functionNode(skipOuterExpressions(argument));
    return node ? this.context.functionIndexOf(node) : undefined;
  }

  private functionNode(expression: ts.Expression): ts.SignatureDeclaration | undefined {
    if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) return expression;
    if (!ts.isIdentifier(expression)) return undefined;
    const binding = this.context.scopeOf(expression).lookup(expression.text);
    if (binding?.kind !== 'function') return undefined;
    return this.functionNodes().get(binding.functionIndex);
  }

  private functionNodeCache?: Map<number, ts.SignatureDeclaration>;
  /** Function nodes of this file by index (built once, on the first callback passed by name). */
  private functionNodes(): Map<number, ts.SignatureDeclaration> {
    if (!this.functionNodeCache) {
      const cache = new Map<number, ts.SignatureDeclaration>();
      const visit = (node: ts.Node) => {
        if (isFunctionLike(node) && (node as { body?: ts.Node }).body) cache.set(this.context.functionIndexOf(node), node);
        ts.forEachChild(node, visit);
      };
      visit(this.context.sourceFile);
      this.functionNodeCache = cache;
    }
    return this.functionNodeCache;
  }

  /** `this.<field>` inside a class: one slot per class and field (methods and arrow fields share it). */
  private thisFieldSlot(at: ts.Node, field: string): string | undefined {
    const owner = enclosingClass(at);
    return owner ? `t${owner.pos}.${field}` : undefined;
  }

  /** `this.track(…)`: the index of the class's own method `track`. */
  private thisMethod(callee: ts.PropertyAccessExpression): number | undefined {
    if (!isThisMember(callee)) return undefined;
    const owner = enclosingClass(callee);
    const member = owner?.members.find((candidate) => candidate.name && ts.isIdentifier(candidate.name) && candidate.name.text === callee.name.text);
    if (!member) return undefined;
    if (ts.isMethodDeclaration(member) && member.body) return this.context.functionIndexOf(member);
    if (ts.isPropertyDeclaration(member) && member.initializer) {
      const value = skipOuterExpressions(member.initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return this.context.functionIndexOf(value);
    }
    return undefined;
  }

  /** The context slot `<X.Provider value>` writes to (`<X value>` for a local createContext). */
  private providedContext(tag: ts.JsxTagNameExpression): string | undefined {
    if (ts.isPropertyAccessExpression(tag) && tag.name.text === 'Provider') return this.contextSlot(tag.expression);
    return ts.isIdentifier(tag) && this.isLocalContext(tag) ? this.contextSlot(tag) : undefined;
  }

  /**
   * A React context's slot: `x:<name>` for one created in this file (linked to the names it is
   * exported under), an import slot resolved to the declaring file when linking.
   */
  private contextSlot(node: ts.Expression): string | undefined {
    const expression = skipOuterExpressions(node);
    if (!ts.isIdentifier(expression)) return undefined;
    const binding = this.context.scopeOf(expression).lookup(expression.text);
    if (binding?.kind === 'import' && binding.segments.length === 1) return contextImportSlot(binding.root.specifier, binding.segments[0]!);
    if (binding?.kind !== 'alias' || binding.members.length > 0) return undefined;
    const slot = contextLocalSlot(expression.text);
    if (!this.linkedContexts.has(slot)) {
      this.linkedContexts.add(slot);
      this.exportNames ??= exportedNames(this.context.sourceFile);
      for (const exported of this.exportNames.get(expression.text) ?? []) {
        this.edge(slot, contextExportSlot(exported), binding.expression, `exported as ${exported}`);
        this.edge(contextExportSlot(exported), slot, binding.expression, `imported context ${expression.text}`);
      }
    }
    return slot;
  }

  private mayBeContext(argument: ts.Expression): boolean {
    const expression = skipOuterExpressions(argument);
    if (!ts.isIdentifier(expression)) return false;
    return this.context.scopeOf(expression).lookup(expression.text)?.kind === 'import' || this.isLocalContext(expression);
  }

  private isLocalContext(identifier: ts.Identifier): boolean {
    const binding = this.context.scopeOf(identifier).lookup(identifier.text);
    if (binding?.kind !== 'alias') return false;
    const value = skipOuterExpressions(binding.expression);
    return ts.isCallExpression(value) && CONTEXT_FACTORIES.has(calleeText(value.expression, this.context.sourceFile));
  }

  private key(identifier: ts.Identifier): string {
    const binding = this.context.scopeOf(identifier).lookup(identifier.text);
    return binding && 'slot' in binding && binding.slot ? binding.slot : identifier.text;
  }

  private isStateHook(initializer: ts.Expression): boolean {
    const call = skipOuterExpressions(initializer);
    return ts.isCallExpression(call) && STATE_HOOKS.has(calleeText(call.expression, this.context.sourceFile));
  }

  /** A hash function, by the names of the calls in its chain: `sha256(x)`, `createHash('sha256').update(x)`, `Crypto.digestStringAsync(…)`. */
  private isHashCall(node: ts.CallExpression): boolean {
    for (let current: ts.Expression = node; ; ) {
      current = skipOuterExpressions(current);
      if (ts.isCallExpression(current) || ts.isNewExpression(current)) {
        const callee = skipOuterExpressions(current.expression);
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        if (isHashName(name)) return true;
        if (!ts.isPropertyAccessExpression(callee)) return false;
        current = callee.expression;
      } else if (ts.isPropertyAccessExpression(current)) {
        current = current.expression;
      } else {
        return false;
      }
    }
  }

  private text(node: ts.Node): string {
    return node.getText(this.context.sourceFile).replace(/\s+/g, ' ').slice(0, 40);
  }
}

/** How data was derived on its way: hashed (still personal data, marked), or cast to a boolean (only whether it is there). */
const HASHED = 1;
const PRESENCE = 2;
/** The value only shaped how another value is shown or shifted (a locale given to a formatter, a time-zone offset added to a time). */
const FORMATTED = 4;
const EVERY_DERIVATION = HASHED | PRESENCE | FORMATTED;

/** Methods whose result is their argument shown the receiver's way (`new Intl.NumberFormat(locale).format(n)`). */
const FORMAT_METHODS = new Set(['format', 'formatToParts', 'formatRange', 'formatRangeToParts']);
/** Methods whose arguments only say how the receiver is shown or set: a locale, a time-zone offset. */
const FORMATTING_ARGUMENT_METHODS = /^(?:toLocale(?:String|DateString|TimeString|UpperCase|LowerCase)|set(?:UTC)?(?:FullYear|Month|Date|Hours|Minutes|Seconds|Milliseconds)|setTime)$/;
/** Date getters whose result is a time (never the time-zone offset itself, a source). */
const TIME_GETTERS = /^(?:get(?:UTC)?(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)|getTime|valueOf)$/;

/** Does the call use its arguments only to format or set its receiver (`toLocaleString(locale)`, `setMinutes(m)`), or configure the global Intl formatters? */
function formatsWithItsArguments(callee: ts.Expression, context: FlowContext): boolean {
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (FORMATTING_ARGUMENT_METHODS.test(callee.name.text)) return true;
  // `Intl.DateTimeFormat.__setDefaultTimeZone(tz)` and other configuration of the global formatters (not `Intl.getCanonicalLocales`, which answers them).
  const receiver = skipOuterExpressions(callee.expression);
  let root: ts.Expression = receiver;
  while (ts.isPropertyAccessExpression(root)) root = skipOuterExpressions(root.expression);
  return ts.isIdentifier(root) && root.text === 'Intl' && ts.isPropertyAccessExpression(receiver) && !context.scopeOf(root).lookup('Intl');
}

/** A time: `Date.now()`, `performance.now()`, `new Date(…)`, a Date getter's result (`d.getTime()`, `d.getMinutes()`). */
function isTimeValue(expression: ts.Expression): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && node.expression.text === 'Date';
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { name, expression: receiver } = node.expression;
  if (name.text === 'now') return ts.isIdentifier(receiver) && (receiver.text === 'Date' || receiver.text === 'performance');
  return TIME_GETTERS.test(name.text);
}

/** Note that `slot`'s data reaches the expression; it counts as derived a way only if it was derived so on every way found. */
function addDependency(out: Map<string, number>, slot: string, derived: number): void {
  out.set(slot, (out.get(slot) ?? EVERY_DERIVATION) & derived);
}

/** A call that only answers yes/no or a position about its arguments (`list.includes(x)`, `Boolean(x)`): the data does not pass through it. */
function isPredicateCall(callee: ts.Expression, context: FlowContext): boolean {
  if (ts.isPropertyAccessExpression(callee)) return PREDICATE_METHODS.has(callee.name.text);
  return ts.isIdentifier(callee) && PREDICATE_FUNCTIONS.has(callee.text) && !context.scopeOf(callee).lookup(callee.text);
}

/** The name a callee ends in: `use` for `use(x)` and `React.use(x)`. */
function lastName(callee: ts.Expression): string {
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
}

/** `this.<name>` (optionally a specific name). */
function isThisMember(node: ts.Expression, name?: string): node is ts.PropertyAccessExpression {
  return ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && (name === undefined || node.name.text === name);
}

/** The class whose instance `this` denotes at `node`: arrow functions keep it, other functions rebind it. */
function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (isFunctionLike(current) && !ts.isArrowFunction(current) && !ts.isClassLike(current.parent)) return undefined;
  }
  return undefined;
}

const hashNames = new Map<string, boolean>();

/** Whether a function or method name names a hash function (memoised: the same names recur in every file). */
function isHashName(name: string): boolean {
  let known = hashNames.get(name);
  if (known === undefined) {
    known = words(name).some((word) => HASH_WORD.test(word));
    if (hashNames.size < 10_000) hashNames.set(name, known);
  }
  return known;
}

/** camelCase and punctuation split, lower-cased: "digestStringAsync" → digest, string, async; "SHA256" → sha256. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isComparison(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsToken ||
    kind === ts.SyntaxKind.LessThanToken ||
    kind === ts.SyntaxKind.GreaterThanToken ||
    kind === ts.SyntaxKind.LessThanEqualsToken ||
    kind === ts.SyntaxKind.GreaterThanEqualsToken ||
    kind === ts.SyntaxKind.InstanceOfKeyword ||
    kind === ts.SyntaxKind.InKeyword
  );
}
