import path from 'node:path';
import type { CatalogIndex } from '../catalog/match.js';
import type { GuardMatch } from '../catalog/guards.js';
import type { GuardSpec } from '../catalog/types.js';
import type { GuardCall } from '../detect/facts.js';
import { pathString } from '../detect/access-path.js';
import type { ModuleResolver } from '../project/resolve.js';

type CodeGuardSpec = Exclude<GuardSpec, { catalog: string }>;
type CatalogGuardMapping = Extract<GuardSpec, { catalog: string }>;

/** A guard from the config, with its module (if any) resolved once. */
export interface ConfiguredGuard {
  spec: CodeGuardSpec;
  /** For `{ module, export }`: the project file it names, or the package specifier. */
  moduleFile?: string;
  moduleSpecifier?: string;
}

/** Resolve config guards' module paths relative to the config file's folder. */
export function configureGuards(specs: readonly GuardSpec[], configFolder: string, modules: ModuleResolver): ConfiguredGuard[] {
  return specs.filter((spec): spec is CodeGuardSpec => !('catalog' in spec)).map((spec) => {
    if (!('module' in spec)) return { spec };
    // Resolve as if imported from a file in the config's folder: relative paths and aliases both work.
    const moduleFile = modules.resolve(path.join(configFolder, 'privlint.config.json'), spec.module);
    return moduleFile ? { spec, moduleFile } : { spec, moduleSpecifier: spec.module };
  });
}

/** The consent keys a call proves, if it matches a configured guard. */
export function configuredGuardKeys(
  guard: GuardCall,
  file: string,
  configured: readonly ConfiguredGuard[],
  modules: ModuleResolver,
): string[] {
  const keys: string[] = [];
  if (guard.test) return keys; // a value test, not "the guard function returned true"
  const reference = guard.reference;
  const referencePath = reference ? pathString(reference.segments) : undefined;
  // `consentStore?.isGranted('ads')` and `hasConsent?.('ads')` are the guards of the config all the same.
  const callee = withoutOptionalChaining(guard.callee);
  for (const { spec, moduleFile, moduleSpecifier } of configured) {
    let matches = false;
    if ('call' in spec) {
      matches = callee === spec.call || (reference?.root.kind === 'import' && referencePath === spec.call);
    } else if ('member' in spec) {
      const globalPath = reference?.root.kind === 'global' ? pathString([reference.root.name, ...reference.segments]) : undefined;
      // `import { consentStore } from './store'` (or `* as store`): the imported path is the member.
      matches = callee === spec.member || globalPath === spec.member || (reference?.root.kind === 'import' && referencePath === spec.member);
    } else if (reference?.root.kind === 'import') {
      const exportPath = spec.export === 'default' ? 'default' : spec.export;
      const samePath = referencePath === exportPath || referencePath === `default.${exportPath}`;
      const sameModule = moduleFile
        ? modules.resolve(file, reference.root.specifier) === moduleFile
        : reference.root.specifier === moduleSpecifier;
      matches = samePath && sameModule;
    }
    if (!matches) continue;
    const key = spec.key ?? guard.args[spec.keyArgument ?? 0];
    if (key) keys.push(key);
  }
  return keys;
}

/** "consentStore?.isGranted" → "consentStore.isGranted"; "hasConsent?.()" → "hasConsent()". */
function withoutOptionalChaining(callee: string): string {
  return callee.replace(/\?\.(?=[([])/g, '').replace(/\?\./g, '.');
}

/**
 * The consent keys a condition proves through the catalog's consent-management APIs
 * (guards.yaml), after the config's mappings: `{ catalog: id, key }` replaces every key of that
 * guard, `{ catalog: id, keys: { from: to } }` maps keys one by one.
 */
export function catalogGuardKeys(guard: GuardCall, catalog: CatalogIndex, specs: readonly GuardSpec[], matches = catalogGuardMatches(guard, catalog)): string[] {
  return matches.map(({ guardId, key }) => mappedGuardKey(guardId, key, specs));
}

/** A catalog guard's key after the config's mapping: `{ catalog: id, key }` replaces it, `{ catalog: id, keys: { from: to } }` maps it. */
export function mappedGuardKey(guardId: string, key: string, specs: readonly GuardSpec[]): string {
  const mapping = specs.find((spec): spec is CatalogGuardMapping => 'catalog' in spec && spec.catalog === guardId);
  return mapping?.keys?.[key] ?? mapping?.key ?? key;
}

/** The catalog guards (guards.yaml) a condition satisfies, with the vendor's key each proves. */
export function catalogGuardMatches(guard: GuardCall, catalog: CatalogIndex): GuardMatch[] {
  const reference = guard.test?.reference ?? (guard.reference ? { root: guard.reference.root, segments: [...guard.reference.segments, '()'] } : undefined);
  if (!reference) return [];
  const { root } = reference;
  if (root.kind === 'import' && root.typeOnly) return [];
  const place =
    root.kind === 'import' ? { module: root.specifier, path: pathString(reference.segments) } : root.kind === 'global' ? { path: pathString([root.name, ...reference.segments]) } : undefined;
  if (!place) return [];
  return catalog.guards.match({
    ...place,
    args: guard.args,
    ...(guard.test?.equals !== undefined ? { equals: guard.test.equals } : {}),
    ...(guard.test?.negated ? { negated: true } : {}),
  });
}
