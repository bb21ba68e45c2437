// The facts cache's shortcut: a file whose size, inode, modification and change times are those it
// had when cached (and those well before the cache was written) is not read again. Anything that
// writes the file moves its change time, even a tool that puts the modification time back.
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FactsCache, hashText, type FileStat } from '../../src/cache/facts-cache.js';
import type { FileFacts } from '../../src/detect/facts.js';
import { runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const statOf = (file: string): FileStat => {
  const { mtimeMs, ctimeMs, size, ino } = statSync(file);
  return { mtimeMs, ctimeMs, size, ino };
};

const FACTS = { sources: [], sdkUses: [], sdkCalls: [], sinks: [], flowEdges: [], projectReferences: [], escapes: [], pendingHeaderReads: [], functions: [], exports: [], imports: [], suppressions: [], diagnostics: [] } as FileFacts;

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
  it('follows an edit that keeps the size and the modification time', () => {
    const device = "import DeviceInfo from 'react-native-device-info';\n";
    const root = writeProject({ 'src/a.ts': `${device}export const id = () => DeviceInfo.getIpAddress();\n` });
    const file = path.join(root, 'src/a.ts');
    const apis = (cache: string) => JSON.parse(runCli(['scan', '.', '--format', 'json', '--quiet', cache], { cwd: root }).stdout).inventory.collections.map((site: { api: string }) => site.api);
    const old = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, old, old);
    // Let the change time age past the racy window, so the cache written next trusts the file.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);
    expect(apis('--cache')).toEqual(['react-native-device-info#getIpAddress']);
    expect(apis('--cache')).toEqual(['react-native-device-info#getIpAddress']); // served without reading a.ts
    const before = statSync(file);
    writeFileSync(file, `${device}export const id = () => DeviceInfo.getAndroidId();\n`); // the same length
    utimesSync(file, old, old);
    expect(statSync(file)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
    expect(apis('--cache')).toEqual(['react-native-device-info#getAndroidId']);
    expect(apis('--cache')).toEqual(apis('--no-cache'));
  });
});
