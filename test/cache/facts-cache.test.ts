// The facts cache's shortcut: a file whose size, inode, modification and change times are those it
// had when cached (and those well before the cache was written) is not read again. Anything that
// writes the file moves its change time, even a tool that puts the modification time back.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FactsCache, hashText, type FileStat } from '../../src/cache/facts-cache.js';
import type { FileFacts } from '../../src/detect/facts.js';
import { plainFacts } from '../helpers/plain-facts.js';
import { runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const statOf = (file: string): FileStat => {
  const { mtimeMs, ctimeMs, size, ino } = statSync(file);
  return { mtimeMs, ctimeMs, size, ino };
};

const FACTS = { sources: [], sdkUses: [], sdkCalls: [], sinks: [], flowEdges: [], projectReferences: [], escapes: [], pendingKeyedReads: [], functions: [], exports: [], imports: [], suppressions: [], diagnostics: [] } as FileFacts;

afterEach(() => vi.useRealTimers());


/** A cache holding a.ts as it is now, written `later` ms from now. */
function cacheOf(root: string, later: number): FactsCache {
  const file = path.join(root, 'a.ts');
  const cache = new FactsCache(path.join(root, '.privlint-cache'), 'test');
  cache.set('a.ts', hashText(readFileSync(file, 'utf8')), FACTS, () => false, statOf(file));
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + later });
  cache.save(new Set(['a.ts']));
  vi.useRealTimers();
  return new FactsCache(path.join(root, '.privlint-cache'), 'test');
}

describe('the facts cache trusts an unchanged file without reading it', () => {
  it('when nothing about the file changed since it was cached, well before the cache was written', () => {
    const root = writeProject({ 'a.ts': 'export const a = 1;\n' });
    const reloaded = cacheOf(root, 10_000);
    expect(reloaded.hashIfUnchanged('a.ts', statOf(path.join(root, 'a.ts')))).toBe(hashText('export const a = 1;\n'));
  });

  it('not when the file was written close to when the cache was (it may have changed again within the clock tick)', () => {
    const root = writeProject({ 'a.ts': 'export const a = 1;\n' });
    expect(cacheOf(root, 0).hashIfUnchanged('a.ts', statOf(path.join(root, 'a.ts')))).toBeUndefined();
  });

  it('not after an edit of the same size that puts the modification time back', () => {
    const root = writeProject({ 'a.ts': 'export const a = 1;\n' });
    const file = path.join(root, 'a.ts');
    const old = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000); // whole seconds: restored exactly
    utimesSync(file, old, old);
    const reloaded = cacheOf(root, 10_000);
    const before = statSync(file);
    writeFileSync(file, 'export const b = 2;\n');
    utimesSync(file, old, old);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(reloaded.hashIfUnchanged('a.ts', statOf(file))).toBeUndefined();
  });
});

describe('a warm scan', () => {
  it('follows an edit that keeps the size and the modification time', async () => {
    const device = "import DeviceInfo from 'react-native-device-info';\n";
    const root = writeProject({ 'src/a.ts': `${device}export const id = () => DeviceInfo.getIpAddress();\n` });
    const file = path.join(root, 'src/a.ts');
    const apis = async (cache: string) => JSON.parse((await runCli(['scan', '.', '--format', 'json', '--quiet', cache], { cwd: root })).stdout).inventory.collections.map((site: { api: string }) => site.api);
    const old = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, old, old);
    // Let the change time age past the racy window, so the cache written next trusts the file.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);
    expect(await apis('--cache')).toEqual(['react-native-device-info#getIpAddress']);
    expect(await apis('--cache')).toEqual(['react-native-device-info#getIpAddress']); // served without reading a.ts
    const before = statSync(file);
    writeFileSync(file, `${device}export const id = () => DeviceInfo.getAndroidId();\n`); // the same length
    utimesSync(file, old, old);
    expect(statSync(file)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
    expect(await apis('--cache')).toEqual(['react-native-device-info#getAndroidId']);
    expect(await apis('--cache')).toEqual(await apis('--no-cache'));
  });
});

describe('the cache journal', () => {
  const isProjectImport = (specifier: string) => specifier.startsWith('.');
  const factsOf = (name: string): FileFacts => ({ ...FACTS, imports: [`./${name}`], exports: [{ name, kind: 'value' }] }) as unknown as FileFacts;
  const files = (count: number) => Array.from({ length: count }, (_, index) => `src/f${index}.ts`);
  const BASE = 'facts-v5.bin';
  const JOURNAL = 'facts-v5.journal.bin';

  /** A cache folder holding `count` files, written as a base file. */
  function filled(count: number): string {
    const folder = writeProject({});
    const cache = new FactsCache(folder, 'k');
    for (const file of files(count)) cache.set(file, hashText(file), factsOf(file), isProjectImport);
    cache.save(new Set(files(count)));
    return folder;
  }

  it('records a small change in a journal, leaving the base file as it was, and reads both back', () => {
    const folder = filled(100);
    const base = readFileSync(path.join(folder, BASE));
    const cache = new FactsCache(folder, 'k');
    cache.set('src/f1.ts', hashText('edited'), factsOf('edited'), isProjectImport);
    cache.set('src/new.ts', hashText('new'), factsOf('new'), isProjectImport);
    cache.save(new Set([...files(100).filter((file) => file !== 'src/f2.ts'), 'src/new.ts']));

    expect(readFileSync(path.join(folder, BASE)).equals(base)).toBe(true);
    expect(readFileSync(path.join(folder, JOURNAL)).length).toBeLessThan(base.length / 10);
    const again = new FactsCache(folder, 'k');
    expect(plainFacts(again.get('src/f1.ts', hashText('edited'), isProjectImport))).toEqual(factsOf('edited'));
    expect(again.get('src/f1.ts', hashText('src/f1.ts'), isProjectImport)).toBeUndefined(); // the base's entry is replaced
    expect(plainFacts(again.get('src/new.ts', hashText('new'), isProjectImport))).toEqual(factsOf('new'));
    expect(again.get('src/f2.ts', hashText('src/f2.ts'), isProjectImport)).toBeUndefined(); // removed
    expect(plainFacts(again.get('src/f3.ts', hashText('src/f3.ts'), isProjectImport))).toEqual(factsOf('src/f3.ts'));
  });

  it('keeps what earlier journals recorded when it is written again', () => {
    const folder = filled(100);
    const first = new FactsCache(folder, 'k');
    first.set('src/f1.ts', hashText('one'), factsOf('one'), isProjectImport);
    first.save(new Set(files(100)));
    const second = new FactsCache(folder, 'k');
    second.set('src/f2.ts', hashText('two'), factsOf('two'), isProjectImport);
    second.save(new Set(files(100)));
    const again = new FactsCache(folder, 'k');
    expect(plainFacts(again.get('src/f1.ts', hashText('one'), isProjectImport))).toEqual(factsOf('one'));
    expect(plainFacts(again.get('src/f2.ts', hashText('two'), isProjectImport))).toEqual(factsOf('two'));
  });

  it('writes the whole cache again once the journal would hold more than an eighth of the files, and drops the journal', () => {
    const count = 800;
    const folder = filled(count);
    const small = new FactsCache(folder, 'k');
    small.set('src/f0.ts', hashText('edited'), factsOf('edited'), isProjectImport);
    small.save(new Set(files(count)));
    expect(readdirSync(folder)).toContain(JOURNAL);
    const large = new FactsCache(folder, 'k');
    for (const file of files(count).slice(0, count / 8 + 1)) large.set(file, hashText(`${file}, edited`), factsOf(`${file}, edited`), isProjectImport);
    large.save(new Set(files(count)));
    expect(readdirSync(folder)).not.toContain(JOURNAL);
    const again = new FactsCache(folder, 'k');
    expect(plainFacts(again.get('src/f0.ts', hashText('src/f0.ts, edited'), isProjectImport))).toEqual(factsOf('src/f0.ts, edited'));
    expect(plainFacts(again.get(`src/f${count - 1}.ts`, hashText(`src/f${count - 1}.ts`), isProjectImport))).toEqual(factsOf(`src/f${count - 1}.ts`));
  });

  it('ignores a journal written for another base file (another scan rewrote the cache in between)', () => {
    const folder = filled(100);
    const cache = new FactsCache(folder, 'k');
    cache.set('src/f1.ts', hashText('stale'), factsOf('stale'), isProjectImport);
    cache.save(new Set(files(100)));
    const staleJournal = readFileSync(path.join(folder, JOURNAL));
    const rewrite = new FactsCache(folder, 'k');
    for (const file of files(100)) rewrite.set(file, hashText(`${file}, new`), factsOf(`${file}, new`), isProjectImport);
    rewrite.save(new Set(files(100)));
    writeFileSync(path.join(folder, JOURNAL), staleJournal);
    const again = new FactsCache(folder, 'k');
    expect(again.get('src/f1.ts', hashText('stale'), isProjectImport)).toBeUndefined();
    expect(plainFacts(again.get('src/f1.ts', hashText('src/f1.ts, new'), isProjectImport))).toEqual(factsOf('src/f1.ts, new'));
  });
});

describe('facts handed out by the cache', () => {
  const facts = {
    ...FACTS,
    imports: ['./b'],
    exports: [{ name: 'a', kind: 'value' }],
    flowEdges: [{ from: { kind: 'local', name: 'id' }, to: { kind: 'return', functionIndex: 0 } }],
    functions: [{ name: 'collect', range: { line: 1, column: 1, endLine: 3, endColumn: 2 } }],
  } as unknown as FileFacts;
  const imports = () => true;

  function reloaded(): FileFacts {
    const folder = writeProject({});
    const cache = new FactsCache(folder, 'k');
    cache.set('a.ts', hashText('a'), facts, imports);
    cache.save(new Set(['a.ts']));
    return new FactsCache(folder, 'k').get('a.ts', hashText('a'), imports)!;
  }

  it('read back whole, the parts read lazily included', () => {
    expect(plainFacts(reloaded())).toEqual(facts);
  });

  it('take an assignment to a lazy part, as plain facts do', () => {
    const read = reloaded();
    read.flowEdges = [];
    read.functions = [];
    expect(read.flowEdges).toEqual([]);
    expect(read.functions).toEqual([]);
    expect(read.exports).toEqual(facts.exports);
  });
});
