// Words several rules' messages share: lists that stay short in a first sentence, and the data a
// flow carries. A first sentence says what and where in at most 160 characters; the full lists go
// to the help line.

/** "a", "a and b", "a, b and c". */
export function fullList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A list for a first sentence: as many items as fit in `budget` characters (at least one), the
 * rest counted — "device.id, device.info and 3 more".
 */
export function shortList(items: readonly string[], budget = 48): string {
  if (fullList(items).length <= budget) return fullList(items);
  let shown = 1;
  while (shown < items.length - 1 && `${items.slice(0, shown + 1).join(', ')} and ${items.length - shown - 1} more`.length <= budget) shown++;
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/** "it" or "them", for the things a message names. */
export const itOrThem = (items: readonly unknown[]): string => (items.length === 1 ? 'it' : 'them');

/** Unique items, in first-seen order. */
export const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Data collected at one place and followed to the reported place (a sink). */
export interface Collected {
  category: string;
  /** The API that collected it. */
  api: string;
  /** Where it was collected: "src/a.ts:12". */
  source: string;
  /** It went through a hash function on the way. */
  hashed?: boolean;
}

/** "device.id (react-native-device-info#getUniqueId)" for one category, else the categories listed short. */
export function collectedWhat(subjects: readonly Pick<Collected, 'category' | 'api'>[]): string {
  const categories = unique(subjects.map((subject) => subject.category));
  const apis = unique(subjects.map((subject) => subject.api));
  return categories.length === 1 && apis.length === 1 ? `${categories[0]} (${apis[0]})` : shortList(categories);
}

/**
 * What a flow sends, for its first sentence: the categories (listed short). Which API collected
 * them, and where, is the help's (collectedAt): at a sink, the API that matters is the call that sends.
 */
export function sentWhat(subjects: readonly Pick<Collected, 'category'>[]): string {
  return shortList(unique(subjects.map((subject) => subject.category)));
}

/** "Collected by <api> at src/a.ts:12." or, for several, each category with its API and place; plus the hashing note. */
export function collectedAt(subjects: readonly Collected[]): string {
  const where =
    subjects.length === 1
      ? `Collected by ${subjects[0]!.api} at ${subjects[0]!.source}.`
      : `Collected: ${subjects.map((subject) => `${subject.category} by ${subject.api} at ${subject.source}`).join('; ')}.`;
  const hashed = unique(subjects.filter((subject) => subject.hashed).map((subject) => subject.category));
  const note = hashed.length === 0 ? '' : ` ${subjects.length === 1 ? 'It is' : `${fullList(hashed)} ${hashed.length === 1 ? 'is' : 'are'}`} hashed on the way, and a hashed identifier is still personal data.`;
  return `${where}${note}`;
}
