import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { analysisCodeHash } from '../../src/cache/code-hash.js';
import { FactsCache, hashText } from '../../src/cache/facts-cache.js';
import { emptyFacts } from '../../src/detect/analyze-file.js';
import { createProgress, PROGRESS_DELAY_MS } from '../../src/cli/progress.js';
import type { CliIO } from '../../src/cli/io.js';
import { plainFacts } from '../helpers/plain-facts.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

function terminal(isTTY = true): { io: CliIO; written: string[] } {
  const written: string[] = [];
  const colors = pc.createColors(false);
  const io: CliIO = { stdout: () => {}, stderr: (text) => written.push(text), colors, errorColors: colors, stdoutIsTTY: isTTY, stderrIsTTY: isTTY, cwd: REPO_ROOT, env: {} };
  return { io, written };
}

describe('the progress line', () => {
  it('stays away for the first moment, then names the phase and counts files, and is erased at the end', () => {
    const { io, written } = terminal();
    let now = 1000;
    const progress = createProgress(io, true, () => now);
    progress.update('discover', 10, 10);
    progress.update('parse', 1, 400);
    expect(written).toEqual([]); // a scan this quick shows nothing

    now += PROGRESS_DELAY_MS;
    progress.update('parse', 120, 400);
    progress.update('parse', 121, 400); // too soon to redraw the same phase
    now += 200;
    progress.update('parse', 400, 400);
    progress.update('resolve'); // a new phase is shown at once
    progress.done();
    expect(written).toEqual(['\r\x1b[Kprivlint: analysing 120/400 files', '\r\x1b[Kprivlint: analysing 400/400 files', '\r\x1b[Kprivlint: resolving references and data flows', '\r\x1b[K']);
  });

  it('never writes when stderr is not a terminal, or with --quiet', () => {
    for (const [isTTY, enabled] of [
      [false, true],
      [true, false],
    ] as const) {
      const { io, written } = terminal(isTTY);
      let now = 0;
      const progress = createProgress(io, enabled, () => now);
      now += PROGRESS_DELAY_MS * 10;
      progress.update('parse', 1, 2);
      progress.done();
      expect(written).toEqual([]);
    }
  });
});

describe('the facts cache key', () => {
  it('changes with the code that produces facts, not with other code', () => {
    const root = writeProject({});
    for (const folder of ['detect', 'catalog', 'project', 'report']) cpSync(path.join(REPO_ROOT, 'src', folder), path.join(root, folder), { recursive: true });
    const before = analysisCodeHash(root);
    expect(analysisCodeHash(root)).toBe(before);

    writeFileSync(path.join(root, 'report/text.ts'), '// reporters do not change facts\n', { flag: 'a' });
    expect(analysisCodeHash(root)).toBe(before);

    writeFileSync(path.join(root, 'detect/analyze-file.ts'), '// a detection change\n', { flag: 'a' });
    const afterDetect = analysisCodeHash(root);
    expect(afterDetect).not.toBe(before);

    writeFileSync(path.join(root, 'project/resolve.ts'), '// module resolution decides which imports are project imports\n', { flag: 'a' });
    expect(analysisCodeHash(root)).not.toBe(afterDetect);
  });
});

describe('the facts cache file', () => {
  const facts = () => ({ ...emptyFacts(), imports: ['./b', 'react'] });
  const isProjectImport = (specifier: string) => specifier.startsWith('.');

  it('gives back what was saved, for the same content, key and project imports only', () => {
    const folder = writeProject({});
    const first = new FactsCache(folder, 'catalog-1');
    first.set('src/a.ts', hashText('a'), facts(), isProjectImport);
    first.set('src/gone.ts', hashText('g'), facts(), isProjectImport);
    first.save(new Set(['src/a.ts']));

    const again = new FactsCache(folder, 'catalog-1');
    expect(plainFacts(again.get('src/a.ts', hashText('a'), isProjectImport))).toEqual(facts());
    expect(again.get('src/a.ts', hashText('a, edited'), isProjectImport)).toBeUndefined();
    expect(again.get('src/gone.ts', hashText('g'), isProjectImport)).toBeUndefined(); // dropped: no longer present
    expect(again.get('src/a.ts', hashText('a'), () => false)).toBeUndefined(); // ./b no longer reaches a project file
    expect(new FactsCache(folder, 'catalog-2').get('src/a.ts', hashText('a'), isProjectImport)).toBeUndefined();
  });

  it('starts empty from a damaged file', () => {
    const folder = writeProject({});
    const cache = new FactsCache(folder, 'k');
    cache.set('src/a.ts', hashText('a'), facts(), isProjectImport);
    cache.save(new Set(['src/a.ts']));
    const [file] = readdirSync(folder).filter((name) => name.endsWith('.bin'));
    writeFileSync(path.join(folder, file!), 'not a cache');
    expect(new FactsCache(folder, 'k').get('src/a.ts', hashText('a'), isProjectImport)).toBeUndefined();
  });
});
