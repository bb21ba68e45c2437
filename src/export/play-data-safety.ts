import type { Manifest, UseDeclaration } from '../manifest/types.js';
import { categoryCovers, categoryEntry, purposeEntry } from '../taxonomy/index.js';
import { PLAY_DATA_TYPES, STORE_RULES, storeOrder } from '../taxonomy/store-rules.js';
import { leafCategories } from './coverage.js';
import { formatCsv, spreadsheetCell } from './csv.js';

/** One data type of the Data safety form, answered from the manifest. */
export interface PlayDataTypeAnswer {
  /** "Location". */
  category: string;
  /** "Precise location". */
  type: string;
  /** "Location / Precise location": the taxonomy's `play` value. */
  playType: string;
  collected: boolean;
  shared: boolean;
  /** "Optional" when users can choose (every use names a consent key), else "Required". */
  optional: boolean;
  collectionPurposes: string[];
  sharingPurposes: string[];
  /** Recipients (name or id) the type is shared with. */
  sharedWith: string[];
  /** The privlint categories behind the type. */
  categories: string[];
}

/**
 * The answers to the Data safety form's data-type questions that a policy manifest implies
 * (docs/store-declarations.md): every declared category (parents stand for their children) is
 * collected; it is shared when a third party receives it; optional when every use of it names a
 * consent key; purposes map through the taxonomy (src/taxonomy/store-rules.yaml holds the rules).
 */
export function playDataSafety(manifest: Manifest): PlayDataTypeAnswer[] {
  const rules = STORE_RULES.play;
  const byType = new Map<string, { categories: Set<string>; uses: UseDeclaration[] }>();
  for (const declaration of manifest.categories) {
    for (const category of leafCategories(declaration.id)) {
      const type = categoryEntry(category)?.play;
      if (!type) continue;
      const entry = byType.get(type) ?? { categories: new Set<string>(), uses: [] };
      entry.categories.add(category);
      entry.uses.push(...declaration.uses.filter((use) => !entry.uses.includes(use)));
      byType.set(type, entry);
    }
  }
  const playPurposes = (purposes: string[]) =>
    [...new Set(purposes.map((purpose) => purposeEntry(purpose)?.play).filter((value): value is string => Boolean(value)))].sort(
      (a, b) => storeOrder(rules.purposes, a) - storeOrder(rules.purposes, b) || a.localeCompare(b),
    );

  return [...byType]
    .sort(([a], [b]) => storeOrder(PLAY_DATA_TYPES, a) - storeOrder(PLAY_DATA_TYPES, b) || a.localeCompare(b))
    .map(([playType, entry]) => {
      const categories = [...entry.categories];
      const sharing = manifest.recipients
        .filter((recipient) => rules.shared.recipient_roles.includes(recipient.role))
        .flatMap((recipient) => recipient.shares.filter((share) => share.categories.some((shared) => categories.some((category) => categoryCovers(shared, category)))).map((share) => ({ recipient, share })));
      const [category, type] = splitPlayType(playType);
      return {
        category,
        type,
        playType,
        collected: true,
        shared: sharing.length > 0,
        optional: rules.optional_when === 'every_use_has_consent' && entry.uses.length > 0 && entry.uses.every((use) => use.consent !== undefined),
        collectionPurposes: playPurposes(entry.uses.flatMap((use) => use.purposes)),
        sharingPurposes: playPurposes(sharing.flatMap(({ share }) => share.purposes)),
        sharedWith: [...new Set(sharing.map(({ recipient }) => recipient.name ?? recipient.id))],
        categories,
      };
    });
}

export const PLAY_TABLE_HEADER = [
  'Data category',
  'Data type',
  'Collected',
  'Shared',
  'Processed ephemerally',
  'Required or optional',
  'Collection purposes',
  'Sharing purposes',
  'Shared with',
  'privlint categories',
] as const;

/**
 * The Data safety answers as a table for people (`--format table`): one row per data type, in the
 * form's order. "Processed ephemerally" is left empty: privlint cannot tell from a manifest.
 */
export function formatPlayDataSafetyTable(manifest: Manifest): string {
  const rows: string[][] = [
    [...PLAY_TABLE_HEADER],
    ...playDataSafety(manifest).map((answer) => [
      answer.category,
      answer.type,
      answer.collected ? 'Yes' : 'No',
      answer.shared ? 'Yes' : 'No',
      '',
      answer.optional ? 'Optional' : 'Required',
      answer.collectionPurposes.join('; '),
      answer.sharingPurposes.join('; '),
      answer.sharedWith.join('; '),
      answer.categories.join('; '),
    ]),
  ];
  return formatCsv(rows, '\n', spreadsheetCell);
}

function splitPlayType(value: string): [string, string] {
  const index = value.indexOf(' / ');
  return index === -1 ? [value, value] : [value.slice(0, index), value.slice(index + 3)];
}
