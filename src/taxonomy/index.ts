import { readBundledYaml } from '../util/data-file.js';

export interface TaxonomyEntry {
  id: string;
  description: string;
  /** Apple privacy manifest value (NSPrivacyCollectedDataType… or …Purpose…). */
  apple?: string;
  /** Google Play Data safety data type ("Category / Type") or purpose. */
  play?: string;
  /** fideslang data category or data use. */
  fideslang?: string;
}

function load(file: string, key: 'categories' | 'purposes'): TaxonomyEntry[] {
  const data = readBundledYaml(file, import.meta.url) as Record<string, TaxonomyEntry[]>;
  return data[key]!;
}

export const CATEGORIES: readonly TaxonomyEntry[] = load('./categories.yaml', 'categories');
export const PURPOSES: readonly TaxonomyEntry[] = load('./purposes.yaml', 'purposes');

const purposeIds = new Set(PURPOSES.map((entry) => entry.id));

export const isKnownPurpose = (id: string): boolean => purposeIds.has(id);

/** True when `declared` is `category` or one of its ancestors (`device` covers `device.imei`). */
export function categoryCovers(declared: string, category: string): boolean {
  return category === declared || category.startsWith(`${declared}.`);
}

export function categoryEntry(id: string): TaxonomyEntry | undefined {
  return CATEGORIES.find((entry) => entry.id === id);
}

export function purposeEntry(id: string): TaxonomyEntry | undefined {
  return PURPOSES.find((entry) => entry.id === id);
}
