import type { Destination, ExportTarget, FileFacts, Reference } from '../detect/facts.js';
import type { ModuleResolver } from '../project/resolve.js';
import { isInvokingMethod } from '../catalog/invokers.js';

/** What a reference in some file finally denotes, across imports, re-exports and CommonJS. */
export type Target =
  /** `viaMember`: a method reached on an instance of a project class or an object a project function returns. */
  | { kind: 'function'; file: string; functionIndex: number; rest: string[]; viaMember?: true }
  /** `base`: the base URL of the client the path starts from, and the file it was found in (`axios.create({ baseURL })`). */
  /** `renamedAt`: the re-exports that renamed it on the way (`export { getUniqueId as getDeviceId } from …`), outermost first. */
  | { kind: 'external'; specifier: string; segments: string[]; base?: { file: string; destination: Destination }; renamedAt?: Renaming[] }
  | { kind: 'string'; value: string }
  /** A constant object: its string members (a region → host map, a config). */
  | { kind: 'strings'; values: Record<string, string> }
  /** A project file whose facts this evaluation does not have (the editor reads only some files). */
  | { kind: 'unread'; file: string }
  | { kind: 'unknown' };

/** Where an export renamed what it re-exports. */
export interface Renaming {
  file: string;
  line: number;
  column: number;
  from: string;
  to: string;
}

const UNKNOWN: Target = { kind: 'unknown' };
const MAX_DEPTH = 12;

/** Follows references through the project's modules. One instance per scan; results are memoised. */
export class ReferenceResolver {
  private readonly memo = new Map<string, Target>();

  constructor(
    private readonly files: ReadonlyMap<string, FileFacts>,
    private readonly modules: ModuleResolver,
  ) {}

  resolve(file: string, reference: Reference, depth = 0): Target {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const { root, segments } = reference;
    if (root.kind === 'function') return this.resolveTarget(file, { kind: 'function', functionIndex: root.functionIndex }, segments, depth + 1);
    if (root.kind !== 'import') return UNKNOWN;
    const key = `${file}\0${root.specifier}\0${segments.join('\u0001')}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    this.memo.set(key, UNKNOWN); // cycles resolve to unknown
    const resolved = this.modules.resolve(file, root.specifier);
    const target = resolved
      ? this.resolveExport(resolved, segments, depth + 1)
      : ({ kind: 'external', specifier: root.specifier, segments } as Target);
    this.memo.set(key, target);
    return target;
  }

  /** The export of `file` named by the first segment, with the remaining segments applied. */
  resolveExport(file: string, segments: string[], depth: number): Target {
    const facts = this.files.get(file);
    if (!facts) return { kind: 'unread', file };
    if (depth > MAX_DEPTH) return UNKNOWN;
    const [name, ...rest] = segments;
    if (name === undefined) {
      // `const hash = require('./hash'); hash(ip)`: the value `module.exports = …` gave, called itself.
      const whole = facts.exports.find((entry) => entry.name === '*' && entry.target.kind !== 'star');
      return whole ? this.resolveTarget(file, whole.target, [], depth + 1) : UNKNOWN;
    }
    const named = facts.exports.find((entry) => entry.name === name && entry.name !== '*');
    if (named) {
      const target = this.resolveTarget(file, named.target, rest, depth + 1);
      if (!named.renamed || target.kind !== 'external') return target;
      const renaming: Renaming = { file, line: named.renamed.line, column: named.renamed.column, from: named.renamed.from, to: name };
      return { ...target, renamedAt: [renaming, ...(target.renamedAt ?? [])] };
    }

    const whole = facts.exports.find((entry) => entry.name === '*' && entry.target.kind !== 'star');
    if (whole) {
      // `module.exports = value`: `import x from` / `require()` give the value itself.
      const memberPath = name === 'default' ? rest : segments;
      return this.resolveTarget(file, whole.target, memberPath, depth + 1);
    }
    if (name === 'default' && rest.length > 0) {
      // A default import of a CommonJS module whose exports are properties: x.member.
      const viaNamespace = this.resolveExport(file, rest, depth + 1);
      if (viaNamespace.kind !== 'unknown') return viaNamespace;
    }
    // `export * from './x'` before `export * from 'pkg'`: a name a project module exports is that
    // module's, whatever the order; a package's star re-export takes only what the project lacks —
    // and only when every project module re-exported is known (the editor links some files only).
    // A module the editor did not read may or may not export the name: the others are searched first.
    let fromPackage: Target | undefined;
    let unread: Target | undefined;
    for (const entry of facts.exports) {
      if (entry.target.kind !== 'star') continue;
      const found = this.resolveTarget(file, entry.target, segments, depth + 1);
      if (found.kind === 'external') fromPackage ??= found;
      else if (found.kind === 'unread') unread ??= found;
      else if (found.kind !== 'unknown') return found;
    }
    return unread ?? fromPackage ?? UNKNOWN;
  }

  private resolveTarget(file: string, target: ExportTarget, rest: string[], depth: number): Target {
    if (depth > MAX_DEPTH) return UNKNOWN;
    switch (target.kind) {
      case 'function': {
        // `A.logError()` where the module assigned `A.logError = (…) => …`.
        const member = rest[0] !== undefined ? target.members?.[rest[0]] : undefined;
        if (member) return this.resolveTarget(file, member, rest.slice(1), depth + 1);
        // `const warn = makeLogger('warn'); warn(…)`: the function a factory returns (its member `()`).
        const made = rest[0] === '()' ? this.files.get(file)?.functions[target.functionIndex]?.members?.['()'] : undefined;
        if (made?.kind === 'function') return this.resolveTarget(file, made, rest.slice(1), depth + 1);
        // `makeApi(config).getUser(id)`: a function of the object the function returns (FunctionFact.members).
        const returned = rest[0] === '()' && rest[1] !== undefined ? this.files.get(file)?.functions[target.functionIndex]?.members?.[rest[1]] : undefined;
        if (returned) return viaMember(this.resolveTarget(file, returned, rest.slice(2), depth + 1));
        // `track.call(this, event)`, `track.apply(this, args)`, `track.bind(this)()`: Function's own methods call it (catalog invokers.yaml).
        if (rest[0] !== undefined && isInvokingMethod(rest[0]) && (rest[0] === 'bind' ? rest[1] === '()' : rest.length === 1)) {
          return { kind: 'function', file, functionIndex: target.functionIndex, rest: rest.slice(rest[0] === 'bind' ? 2 : 1) };
        }
        return { kind: 'function', file, functionIndex: target.functionIndex, rest };
      }
      case 'reference': {
        const resolved = this.resolve(file, { root: target.reference.root, segments: [...target.reference.segments, ...rest] }, depth + 1);
        return resolved.kind === 'external' && target.base && !resolved.base ? { ...resolved, base: { file, destination: target.base } } : resolved;
      }
      case 'object': {
        if (rest.length === 0) {
          const values: Record<string, string> = {};
          for (const [name, value] of Object.entries(target.members)) if (value.kind === 'string') values[name] = value.value;
          return { kind: 'strings', values };
        }
        const [member, ...more] = rest;
        const value = member === undefined ? undefined : target.members[member];
        if (!value) return this.resolveSpread(file, target.spreads, rest, depth);
        const resolved = this.resolveTarget(file, value, more, depth + 1);
        return member === '()' ? viaMember(resolved) : resolved;
      }
      case 'string':
        return rest.length === 0 ? { kind: 'string', value: target.value } : UNKNOWN;
      case 'star': {
        const resolved = this.modules.resolve(file, target.specifier);
        if (!resolved) return { kind: 'external', specifier: target.specifier, segments: rest };
        return this.resolveExport(resolved, rest, depth + 1);
      }
      default:
        return UNKNOWN;
    }
  }

  /** A member an object does not name, in the objects spread into it (the last spread first, as it wins). */
  private resolveSpread(file: string, spreads: ExportTarget[] | undefined, rest: string[], depth: number): Target {
    for (const spread of [...(spreads ?? [])].reverse()) {
      const found = this.resolveTarget(file, spread, rest, depth + 1);
      if (found.kind !== 'unknown') return found;
    }
    return UNKNOWN;
  }
}

function viaMember(target: Target): Target {
  return target.kind === 'function' ? { ...target, viaMember: true } : target;
}
