// Words several rules' messages share: lists that keep a first sentence within 160 characters
// (what and where; the full lists go to the help line), and the data a flow carries.

/** "a", "a and b", "a, b and c". */
export function fullList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The longest first sentence a message may have. */
export const MAX_FIRST_SENTENCE = 160;

/**
 * A first sentence that names a list: the whole list when the sentence fits in 160 characters,
 * else as many items as fit with the rest counted — "device.id, device.info and 3 more" (at
 * least one item is named). The help line names them all.
 */
export function sentenceWithList(items: readonly string[], render: (list: string) => string): string {
  let sentence = render(fullList(items));
  for (let shown = items.length - 1; shown >= 1 && sentence.length > MAX_FIRST_SENTENCE; shown--) {
    sentence = render(`${items.slice(0, shown).join(', ')} and ${items.length - shown} more`);
  }
  return sentence;
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

/**
 * A first sentence about collected data: "device.id (react-native-device-info#getUniqueId)" — the
 * categories, with their API when they share one — fitted by sentenceWithList.
 */
export function collectedSentence(subjects: readonly Pick<Collected, 'category' | 'api'>[], render: (what: string) => string): string {
  const apis = unique(subjects.map((subject) => subject.api));
  return sentenceWithList(unique(subjects.map((subject) => subject.category)), (list) => render(apis.length === 1 ? `${list} (${apis[0]})` : list));
}

/**
 * A first sentence about data a flow sends: the categories. Which API collected them, and where,
 * is the help's (collectedAt): at a sink, the API that matters is the call that sends.
 */
export function sentSentence(subjects: readonly Pick<Collected, 'category'>[], render: (what: string) => string): string {
  return sentenceWithList(unique(subjects.map((subject) => subject.category)), render);
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
