import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest/load.js';
import { parseStructured, toPlain } from '../../src/structured/tree.js';

/** "billion laughs": each level is a list of ten aliases of the level before. */
function nestedAliases(levels: number): string {
  const lines = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level <= levels; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('YAML structure: aliases and merge keys', () => {
  it('refuses aliases that expand to too much data, with one positioned problem', () => {
    const text = nestedAliases(7);
    expect(text.length).toBeLessThan(600);
    const parsed = parseStructured(text, 'bomb.yaml');
    expect(parsed.root).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.message).toBe('YAML aliases here expand to more than 10000 values; write the values out instead of nesting aliases');
    expect(parsed.problems[0]!.line).toBeGreaterThan(1);
  });

  it('still expands a few ordinary aliases', () => {
    const parsed = parseStructured('base: &b [analytics, diagnostics]\nuse: *b\n', 'ok.yaml');
    expect(parsed.problems).toEqual([]);
    expect(toPlain(parsed.root!)).toEqual({ base: ['analytics', 'diagnostics'], use: ['analytics', 'diagnostics'] });
  });

  it('implements merge keys: the mapping\'s own keys win, then the merged mappings in order', () => {
    const text = 'a: &a { basis: consent, consent: ads }\nb: &b { basis: contract, description: B }\nuse:\n  <<: [*a, *b]\n  consent: tracking\n';
    const parsed = parseStructured(text, 'merge.yaml');
    expect(parsed.problems).toEqual([]);
    expect(toPlain(parsed.root!)).toMatchObject({ use: { consent: 'tracking', basis: 'consent', description: 'B' } });
  });

  it('a manifest can share a use through a merge key', () => {
    const merged = parseManifest(
      ['version: 1', 'app: { name: M }', 'consents: { ads: { mode: opt-in } }', 'categories:', '  - id: device.advertising_id', '    uses:', '      - &ads { purposes: [advertising], basis: consent, consent: ads }', '  - id: device.id', '    uses:', '      - <<: *ads', '        description: same as the advertising id'].join('\n'),
      '/tmp/m.yaml',
    );
    expect(merged.ok && merged.manifest.categories[1]!.uses[0]).toMatchObject({ purposes: ['advertising'], consent: 'ads', description: 'same as the advertising id' });
  });

  it('a merge key with something other than a mapping is a clear problem', () => {
    const parsed = parseStructured('use:\n  <<: [1, 2]\n', 'bad.yaml');
    expect(parsed.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
      '2:8 a merge key (<<) takes a mapping or an alias of one (<<: *defaults), or a list of them',
      '2:11 a merge key (<<) takes a mapping or an alias of one (<<: *defaults), or a list of them',
    ]);
  });
});
