import { ts } from '../engine/ts.js';
import type { FlowEdge } from './facts.js';
import { calleeText, skipOuterExpressions } from './references.js';
import { isFunctionLike, patternNames, variableSlot, type Scope } from './scope.js';

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
  sinkIndex(node: ts.Node): number | undefined;
}

const HASH_CALLEE = /(?:^|[.\s])(?:sha1|sha224|sha256|sha384|sha512|md5|hash\w*|createHash|createHmac|digest|hmac\w*|SHA\d+|MD5|murmur\w*|xxhash\w*)\b/i;
/** Array and promise methods whose callback receives the receiver's elements or value. */
const CALLBACK_METHODS = new Set(['then', 'map', 'forEach', 'filter', 'find', 'flatMap', 'reduce', 'some', 'every']);
const STATE_HOOKS = new Set(['useState', 'React.useState', 'useReducer', 'React.useReducer']);

/**
 * Records how values move inside one file, as edges between slots (see FlowEdge). Called in
 * post-order, so every source, project call and sink inside a node is known when it runs.
 * Field-insensitive (an object carries what any of its properties carries) and flow-insensitive
 * within a function — the precision docs/flows.md describes.
 */
export class FlowRecorder {
  readonly edges: FlowEdge[] = [];
  /** `setX` → the slot of `x`, for `const [x, setX] = useState()`. */
  private readonly stateSetters = new Map<string, string>();

  constructor(private readonly context: FlowContext) {}

  afterVisit(node: ts.Node): void {
    switch (node.kind) {
      case ts.SyntaxKind.VariableDeclaration:
        if ((node as ts.VariableDeclaration).initializer) this.declaration(node as ts.VariableDeclaration);
        return;
      case ts.SyntaxKind.BinaryExpression:
        if ((node as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.EqualsToken) this.assignment(node as ts.BinaryExpression);
        return;
      case ts.SyntaxKind.ReturnStatement: {
        const expression = (node as ts.ReturnStatement).expression;
        const fn = this.context.currentFunction();
        if (expression && fn !== null) this.link(expression, `r${fn}`, node, 'returned');
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
        if (!ts.isBlock(arrow.body)) this.link(arrow.body, `r${this.context.functionIndexOf(arrow)}`, arrow.body, 'returned');
        this.destructuredParameters(arrow);
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

  private assignment(node: ts.BinaryExpression): void {
    const target = this.rootIdentifier(node.left);
    if (!target) return;
    const slot = this.slotOf(target);
    if (!slot) return;
    const note = ts.isIdentifier(node.left) ? `assigned to ${target.text}` : `stored in ${node.left.getText(this.context.sourceFile).slice(0, 40)}`;
    this.link(node.right, slot, node, note);
  }

  private call(node: ts.CallExpression): void {
    const { context } = this;
    const projectCall = context.projectCallIndex(node);
    const name = calleeText(node.expression, context.sourceFile);
    if (projectCall !== undefined) {
      node.arguments.forEach((argument, index) => this.link(argument, `a${projectCall}.${index}`, argument, `passed to ${name}()`));
    }
    const sink = context.sinkIndex(node);
    if (sink !== undefined) {
      for (const argument of node.arguments) this.link(argument, `k${sink}`, argument, `sent through ${name}()`);
    }
    // `setDeviceId(value)` from useState: the state variable now holds the value.
    if (ts.isIdentifier(node.expression)) {
      const stateSlot = this.stateSetters.get(this.key(node.expression));
      const value = node.arguments[0];
      if (stateSlot && value) this.link(value, stateSlot, node, `stored in state by ${node.expression.text}()`);
    }
    // `promise.then(value => …)`, `list.map(item => …)`: the callback receives the receiver's data.
    if (ts.isPropertyAccessExpression(node.expression) && CALLBACK_METHODS.has(node.expression.name.text)) {
      const callback = node.arguments[0] && skipOuterExpressions(node.arguments[0]);
      if (callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && callback.parameters[0]) {
        const parameter = `p${context.functionIndexOf(callback)}.0`;
        this.link(node.expression.expression, parameter, callback, `received by the .${node.expression.name.text}() callback`);
      }
    }
  }

  /** `<Profile deviceId={id} />`: props flow into the component's first parameter. */
  private jsx(node: ts.JsxSelfClosingElement | ts.JsxOpeningElement): void {
    const projectCall = this.context.projectCallIndex(node);
    if (projectCall === undefined) return;
    const component = node.tagName.getText(this.context.sourceFile);
    for (const property of node.attributes.properties) {
      if (ts.isJsxAttribute(property) && property.initializer && ts.isJsxExpression(property.initializer) && property.initializer.expression) {
        this.link(property.initializer.expression, `a${projectCall}.0`, property, `passed as prop ${property.name.getText(this.context.sourceFile)} to <${component}>`);
      } else if (ts.isJsxSpreadAttribute(property)) {
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

  // ── dependencies ────────────────────────────────────────────────────────

  /** Edges from every slot whose data reaches `expression` to `to`. */
  private link(expression: ts.Expression, to: string, at: ts.Node, note: string): void {
    const found = new Map<string, boolean>();
    this.dependencies(expression, found, false);
    for (const [from, hashed] of found) if (from !== to) this.edge(from, to, at, hashed ? `hashed, then ${note}` : note, hashed);
  }

  private edge(from: string, to: string, at: ts.Node, note: string, hashed = false): void {
    const position = this.context.sourceFile.getLineAndCharacterOfPosition(at.getStart(this.context.sourceFile));
    this.edges.push({ from, to, line: position.line + 1, column: position.character + 1, note, ...(hashed ? { hashed: true as const } : {}) });
  }

  /** The slots whose data an expression's value carries (and whether it was hashed on the way). */
  private dependencies(node: ts.Node, out: Map<string, boolean>, hashed: boolean): void {
    const { context } = this;
    const add = (slot: string) => out.set(slot, (out.get(slot) ?? true) && hashed);
    const source = context.sourceIndex(node);
    if (source !== undefined) {
      add(`s${source}`);
      return;
    }
    if (ts.isIdentifier(node)) {
      const slot = this.slotOf(node);
      if (slot) add(slot);
      return;
    }
    if (isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isCallExpression(node)) {
      const projectCall = context.projectCallIndex(node);
      if (projectCall !== undefined) {
        add(`c${projectCall}`);
        return;
      }
      if (context.sinkIndex(node) !== undefined) return;
      const isHash = HASH_CALLEE.test(calleeText(node.expression, context.sourceFile));
      // An unknown call passes on what its receiver and arguments carry (JSON.stringify, toString, hashing …).
      if (ts.isPropertyAccessExpression(node.expression) || ts.isElementAccessExpression(node.expression)) {
        this.dependencies(node.expression.expression, out, hashed || isHash);
      }
      for (const argument of node.arguments) this.dependencies(argument, out, hashed || isHash);
      return;
    }
    if (ts.isPropertyAccessExpression(node)) {
      this.dependencies(node.expression, out, hashed);
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
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      this.dependencies(node.right, out, hashed);
      return;
    }
    if (ts.isBinaryExpression(node) && isComparison(node.operatorToken.kind)) return; // a boolean, not the data
    if (ts.isConditionalExpression(node)) {
      this.dependencies(node.whenTrue, out, hashed);
      this.dependencies(node.whenFalse, out, hashed);
      return;
    }
    if (ts.isTypeOfExpression(node) || ts.isVoidExpression(node) || ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return;
    ts.forEachChild(node, (child) => {
      if (!ts.isTypeNode(child)) this.dependencies(child, out, hashed);
    });
  }

  private slotOf(identifier: ts.Identifier): string | undefined {
    const binding = this.context.scopeOf(identifier).lookup(identifier.text);
    if (!binding) return undefined;
    if (binding.kind === 'alias' || binding.kind === 'string') return binding.slot;
    if (binding.kind === 'local' || binding.kind === 'request') return binding.slot;
    return undefined;
  }

  private key(identifier: ts.Identifier): string {
    const binding = this.context.scopeOf(identifier).lookup(identifier.text);
    return binding && 'slot' in binding && binding.slot ? binding.slot : identifier.text;
  }

  private rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
    let current = skipOuterExpressions(node);
    while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = skipOuterExpressions(current.expression);
    return ts.isIdentifier(current) ? current : undefined;
  }

  private isStateHook(initializer: ts.Expression): boolean {
    const call = skipOuterExpressions(initializer);
    return ts.isCallExpression(call) && STATE_HOOKS.has(calleeText(call.expression, this.context.sourceFile));
  }
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
