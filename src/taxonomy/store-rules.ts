import { readBundledYaml } from '../util/data-file.js';

/** The store rules of store-rules.yaml (docs/store-declarations.md): what the exports need beyond the id mapping. */
export interface StoreRules {
  apple: {
    linked: boolean;
    tracking: { recipient_roles: string[]; purposes: string[] };
    data_types: string[];
    purposes: string[];
  };
  play: {
    shared: { recipient_roles: string[] };
    optional_when: 'every_use_has_consent';
    data_types: { category: string; types: string[] }[];
    purposes: string[];
  };
}

export const STORE_RULES: StoreRules = readBundledYaml('./store-rules.yaml', import.meta.url) as StoreRules;

/** Play's data types as "Category / Type", in the form's order (the `play` values of categories.yaml). */
export const PLAY_DATA_TYPES: readonly string[] = STORE_RULES.play.data_types.flatMap((group) => group.types.map((type) => `${group.category} / ${type}`));

/** Position of a store value in the store's own list, for sorting; unknown values last. */
export function storeOrder(list: readonly string[], value: string): number {
  const index = list.indexOf(value);
  return index === -1 ? list.length : index;
}
