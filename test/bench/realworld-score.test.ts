import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelProblems } from '../../bench/realworld/check-labels.mjs';
import { familiesOfLine, naiveOutput } from '../../bench/realworld/naive.mjs';
import { fromPrivlintJson, packageName, score } from '../../bench/realworld/score.mjs';
import { writeProject } from '../helpers/temp-project.js';

const repo = 'zulip/zulip-mobile';
const commit = 'd7cf6da79b4b9467e240b42f24330e97390a8aff';
const label = (kind: string, file: string, line: number, category: string, sdk: string | null = null) => ({ repo, commit, file, line, kind, category, api: 'x', sdk, note: '' });

describe('the real-world corpus labels', () => {
  it('are all well-formed (LABELLING.md), with at least 250 labels and 40 negatives', () => {
    const text = readFileSync(path.join(import.meta.dirname, '../../bench/realworld/labels.jsonl'), 'utf8');
    const labels = text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
    const problems = labels.flatMap((entry, index) => labelProblems(entry).map((problem: string) => `line ${index + 1}: ${problem}`));
    expect(problems).toEqual([]);
    expect(labels.length).toBeGreaterThanOrEqual(250);
    expect(labels.filter((entry) => entry.kind === 'negative').length).toBeGreaterThanOrEqual(40);
  });

  it('reject a label with a wrong commit, an unknown category or a subpath as sdk', () => {
    expect(labelProblems({ ...label('collection', 'a.ts', 1, 'device.imei'), commit: '0'.repeat(40) })).toEqual([expect.stringContaining('commit must be')]);
    expect(labelProblems(label('collection', 'a.ts', 1, 'device.teleport'))).toEqual(['unknown category device.teleport']);
    expect(labelProblems(label('sdk', 'a.ts', 1, 'analytics', 'firebase/analytics'))).toEqual(['sdk must be an npm package name without a subpath']);
  });
});

describe('scoring', () => {
  const output = fromPrivlintJson({
    inventory: {
      collections: [
        { file: 'src/a.ts', line: 10, category: 'location.coarse', via: [] },
        { file: 'src/caller.ts', line: 3, category: 'device.id', via: [{ file: 'src/device.ts', line: 7 }] },
      ],
      sdks: [{ file: 'src/b.ts', line: 1, package: 'firebase/analytics' }],
    },
  });

  it('finds a collection of the same family within two lines, or through a via step', () => {
    const labels = [
      label('collection', 'src/a.ts', 12, 'location.precise'), // same family, two lines away: found
      label('collection', 'src/a.ts', 13, 'location.precise'), // three lines away: missed
      label('collection', 'src/a.ts', 10, 'device.info'), // another family: missed
      label('collection', 'src/device.ts', 8, 'device.id'), // the wrapper's via step: found
    ];
    const result = score(labels, new Map([[repo, output]]));
    expect(result.micro).toBe(0.5);
    expect(result.perCategory).toEqual({ 'device.id': { labels: 1, found: 1 }, 'device.info': { labels: 1, found: 0 }, 'location.precise': { labels: 2, found: 1 } });
    expect(result.macro).toBeCloseTo((1 + 0 + 0.5) / 3);
    expect(result.misses.map((miss: { line: number }) => miss.line)).toEqual([13, 10]);
  });

  it('matches SDK sites by file and package (subpaths folded), and at the line for the strict figure', () => {
    const labels = [label('sdk', 'src/b.ts', 30, 'analytics', 'firebase'), label('sdk', 'src/b.ts', 2, 'analytics', 'firebase'), label('sdk', 'src/c.ts', 2, 'analytics', 'firebase')];
    const result = score(labels, new Map([[repo, output]]));
    expect(result.sdkRecall).toBeCloseTo(2 / 3);
    expect(result.sdkLineRecall).toBeCloseTo(1 / 3);
    expect(packageName('@sentry/react-native/dist/js')).toBe('@sentry/react-native');
  });

  it('counts a negative as a false positive only when a collection is on its very line', () => {
    const result = score([label('negative', 'src/a.ts', 10, 'location.precise'), label('negative', 'src/a.ts', 11, 'location.precise')], new Map([[repo, output]]));
    expect(result.falsePositiveRate).toBe(0.5);
    expect(result.flagged).toBe(3);
  });

  it('counts every label of a repository without output as missed', () => {
    const result = score([label('collection', 'src/a.ts', 10, 'location.coarse')], new Map());
    expect(result.micro).toBe(0);
  });
});

describe('the naive baseline', () => {
  it('gives a line the families its words suggest, case-insensitively', () => {
    expect([...familiesOfLine('const userEmail = form.EMAIL; // latitude')].sort()).toEqual(['identity', 'location']);
    expect([...familiesOfLine('return total + 1;')]).toEqual([]);
  });

  it('flags the import lines of the packages package.json depends on', () => {
    const root = writeProject({
      'package.json': JSON.stringify({ dependencies: { mixpanel: '1.0.0' } }),
      'src/a.ts': "import Mixpanel from 'mixpanel/lib';\nimport x from 'other';\nconst deviceId = 1;\n",
    });
    const output = naiveOutput(root, [path.join(root, 'src/a.ts')]);
    expect(output.sdks).toEqual([{ file: 'src/a.ts', line: 1, package: 'mixpanel' }]);
    expect(output.collections).toEqual([{ file: 'src/a.ts', line: 3, category: 'device', via: [] }]);
    expect(output.flagged).toBe(2);
  });
});
