import { readBundledYaml } from '../util/data-file.js';
import { packageNameOf, packagePatternMatches } from './match.js';
import type { Catalog } from './types.js';

/** Why privlint knows a package: the catalog describes it, or it is listed as sending no data. */
export type PackageKnowledge = 'catalog' | 'no-data';

/**
 * A lookup of what privlint knows about an npm package by name: whether a catalog entry (an SDK's
 * package or glob, a source, sink, guard or model module) names it or one of its subpaths, or it
 * is on the short list of packages that send no data (no-data-packages.yaml).
 */
export function packageKnowledge(catalog: Catalog): (name: string) => PackageKnowledge | undefined {
  const exact = new Set<string>();
  const globs: string[] = [];
  const add = (pattern: string | undefined) => {
    if (!pattern || pattern.startsWith('node:')) return;
    if (pattern.includes('*')) globs.push(pattern);
    exact.add(packageNameOf(pattern));
  };
  for (const sdk of catalog.sdks) sdk.packages.forEach(add);
  for (const module of catalog.modules) add(module.module);
  for (const sink of catalog.sinks) add(sink.module);
  for (const guard of catalog.guards) {
    for (const check of guard.checks) add(check.module);
    for (const api of guard.consentApis) add(api.module);
  }
  for (const model of catalog.models) {
    for (const type of model.types) add(type.module);
    for (const callback of model.callbacks) add(callback.module);
    for (const producer of model.producers) add(producer.module);
    for (const accessor of model.accessors) add(accessor.module);
    for (const decorator of model.decorators) add(decorator.module);
  }
  const noData = noDataPackages();
  return (name) => {
    if (exact.has(name) || globs.some((glob) => packagePatternMatches(glob, name))) return 'catalog';
    if (noData.some((pattern) => packagePatternMatches(pattern, name))) return 'no-data';
    return undefined;
  };
}

let noData: string[] | undefined;

/** The patterns of no-data-packages.yaml. */
export function noDataPackages(): string[] {
  return (noData ??= (readBundledYaml('./no-data-packages.yaml', import.meta.url) as { packages: string[] }).packages);
}
