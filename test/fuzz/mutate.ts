// Seeded mutations of valid documents, for fuzzing the loaders: the same seed gives the same
// documents on every machine, so a failure can be replayed from its index.

/** A tiny seeded PRNG (mulberry32): uniform 32-bit values from one 32-bit state. */
export function seededRandom(seed: number): (bound: number) => number {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % bound) >>> 0;
  };
}

const SYNTAX = [':', '-', '[', ']', '{', '}', '"', "'", ',', '#', '&a', '*a', '!', '|', '>', '%', '@', '`', '\t', '\n', ' ', '<<: *a', '? ', '\0', '\uFEFF', 'é', '\u2028', '---\n', '...\n'];
const WRONG_VALUES = ['[1, 2]', '{ a: 1 }', '123', '-7', '1.5e300', 'true', 'null', '~', '""', "'x'", '[]', '{}', '*a', '&a x', '!!binary aGk=', '2024-01-01', '0x1F', '.inf', '[[[[[', '{"a": [}'];

type Mutation = (text: string, random: (bound: number) => number) => string;

const at = (text: string, random: (bound: number) => number) => random(text.length + 1);
const lines = (text: string) => text.split('\n');

const MUTATIONS: Mutation[] = [
  // Delete, duplicate, swap characters.
  (text, random) => {
    const start = at(text, random);
    return text.slice(0, start) + text.slice(start + 1 + random(5));
  },
  (text, random) => {
    const start = at(text, random);
    const end = start + 1 + random(20);
    return text.slice(0, end) + text.slice(start, end) + text.slice(end);
  },
  (text, random) => {
    const index = random(Math.max(1, text.length - 1));
    return text.slice(0, index) + text.charAt(index + 1) + text.charAt(index) + text.slice(index + 2);
  },
  // Insert syntax that matters to YAML or JSON.
  (text, random) => {
    const index = at(text, random);
    return text.slice(0, index) + SYNTAX[random(SYNTAX.length)]! + text.slice(index);
  },
  // A value of the wrong type.
  (text, random) => {
    const all = lines(text);
    const candidates = all.map((line, index) => (/:\s*\S/.test(line) ? index : -1)).filter((index) => index >= 0);
    if (candidates.length === 0) return text;
    const index = candidates[random(candidates.length)]!;
    all[index] = all[index]!.replace(/:\s*\S.*$/, `: ${WRONG_VALUES[random(WRONG_VALUES.length)]}`);
    return all.join('\n');
  },
  // Delete, duplicate, swap or re-indent lines.
  (text, random) => {
    const all = lines(text);
    all.splice(random(all.length), 1);
    return all.join('\n');
  },
  (text, random) => {
    const all = lines(text);
    const index = random(all.length);
    all.splice(index, 0, all[index]!);
    return all.join('\n');
  },
  (text, random) => {
    const all = lines(text);
    const a = random(all.length);
    const b = random(all.length);
    [all[a], all[b]] = [all[b]!, all[a]!];
    return all.join('\n');
  },
  (text, random) => {
    const all = lines(text);
    const index = random(all.length);
    all[index] = random(2) === 0 ? ' '.repeat(1 + random(6)) + all[index] : all[index]!.replace(/^\s{1,4}/, '');
    return all.join('\n');
  },
  // Deep nesting, sometimes beyond what the loaders accept.
  (text, random) => {
    const depth = 1 + random([20, 400, 5_000][random(3)]!);
    const index = at(text, random);
    const flow = random(2) === 0;
    const nested = flow ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `\n${'  '.repeat(1)}${'- '.repeat(depth)}x\n`;
    return text.slice(0, index) + nested + text.slice(index);
  },
  // Truncate.
  (text, random) => text.slice(0, at(text, random)),
];

/** `count` malformed documents made from `seeds`, one to three mutations each. */
export function* mutatedDocuments(seeds: readonly string[], count: number, seed: number): Generator<{ index: number; text: string }> {
  const random = seededRandom(seed);
  for (let index = 0; index < count; index++) {
    let text = seeds[random(seeds.length)]!;
    for (let step = 1 + random(3); step > 0; step--) text = MUTATIONS[random(MUTATIONS.length)]!(text, random);
    yield { index, text };
  }
}
