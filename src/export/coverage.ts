import type { Catalog } from '../catalog/types.js';
import type { Manifest } from '../manifest/types.js';
import type { ScanResult } from '../scan.js';
import { CATEGORIES, categoryCovers, categoryEntry } from '../taxonomy/index.js';

/**
 * The leaf categories a declaration stands for: itself when it is a leaf, else every child with a
 * store mapping (`location` → location.precise, location.coarse). Store declarations name concrete
 * data types, so a parent declares all of them.
 */
export function leafCategories(id: string): string[] {
  if (categoryEntry(id)?.apple) return [id];
  return CATEGORIES.filter((entry) => entry.apple && categoryCovers(id, entry.id)).map((entry) => entry.id);
}

/** A place in code that collects a category. */
export interface CollectionPlace {
  file: string;
  line: number;
  /** The API, or the SDK that collects on its own: "expo-location#getCurrentPositionAsync", "Sentry (@sentry/node) on its own". */
  what: string;
}

export interface UndeclaredCollection {
  category: string;
  places: CollectionPlace[];
}

/** Everything the code collects, by category: collection sites, and SDKs collecting on their own (from the catalog). */
export function collectedCategories(result: ScanResult, catalog?: Catalog): Map<string, CollectionPlace[]> {
  const collected = new Map<string, CollectionPlace[]>();
  const add = (category: string, place: CollectionPlace) => collected.set(category, [...(collected.get(category) ?? []), place]);
  for (const site of result.inventory.collections) add(site.category, { file: site.file, line: site.line, what: site.api });
  for (const use of result.inventory.sdks) {
    const sdk = catalog?.sdks.find((candidate) => candidate.id === use.sdk);
    for (const category of sdk?.collects ?? []) add(category, { file: use.file, line: use.line, what: `${sdkLabel(sdk!.name, use.package)} on its own` });
  }
  return collected;
}

/** Categories the code collects that no declaration of the manifest covers, sorted by taxonomy order. */
export function undeclaredCollections(result: ScanResult, manifest: Manifest, catalog?: Catalog): UndeclaredCollection[] {
  const order = (category: string) => {
    const index = CATEGORIES.findIndex((entry) => entry.id === category);
    return index === -1 ? CATEGORIES.length : index;
  };
  return [...collectedCategories(result, catalog)]
    .filter(([category]) => !manifest.categories.some((declaration) => categoryCovers(declaration.id, category)))
    .map(([category, places]) => ({ category, places }))
    .sort((a, b) => order(a.category) - order(b.category) || a.category.localeCompare(b.category));
}

/** The warning the exports print on stderr (empty when the manifest covers everything). */
export function formatUndeclaredWarning(undeclared: UndeclaredCollection[], declaration: string, manifestPath: string): string {
  if (undeclared.length === 0) return '';
  const lines = [
    `privlint: warning: the code collects ${undeclared.length === 1 ? 'a category' : `${undeclared.length} categories`} that ${manifestPath} does not declare, so ${declaration} does not cover ${undeclared.length === 1 ? 'it' : 'them'} either:`,
  ];
  for (const { category, places } of undeclared) {
    const shown = places.slice(0, 3).map((place) => `${place.file}:${place.line} ${place.what}`);
    const more = places.length > 3 ? `, and ${places.length - 3} more` : '';
    lines.push(`  ${category}  (${shown.join('; ')}${more})`);
  }
  lines.push(`Declare ${undeclared.length === 1 ? 'it' : 'them'} in the manifest with purposes and a legal basis (privlint scan reports each place as no-undeclared-collection), then export again.`);
  return `${lines.join('\n')}\n`;
}

/** "Sentry (@sentry/node)", or just the name when it already names the package ("Datadog APM (dd-trace)"). */
function sdkLabel(name: string, pkg: string): string {
  const shown = pkg.replace(/^global:/, '');
  return name.includes(shown) ? name : `${name} (${shown})`;
}
