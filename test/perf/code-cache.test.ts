import { mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from '../helpers/run-cli.js';

const DAY = 24 * 60 * 60 * 1000;
const age = (file: string, days: number) => utimesSync(file, new Date(Date.now() - days * DAY), new Date(Date.now() - days * DAY));

describe("the compiler's code cache", () => {
  it('is written once, kept fresh while used, and entries unused for a month are removed', () => {
    const temporary = mkdtempSync(path.join(tmpdir(), 'privlint-tmpdir-'));
    const folder = path.join(temporary, `privlint-code-cache-${process.getuid?.() ?? userInfo().username}`);
    mkdirSync(folder, { mode: 0o700 });
    const old = path.join(folder, 'from-an-old-install.bin');
    const recent = path.join(folder, 'from-another-install.bin');
    writeFileSync(old, 'x');
    writeFileSync(recent, 'x');
    age(old, 40);
    age(recent, 5);
    // The cache is written when a process loads the compiler: a process of its own.
    const scan = () => runBinary(['scan', 'fixtures/apps/rn-shop', '--format', 'json', '--fail-on', 'never', '--no-cache'], { env: { TMPDIR: temporary } });

    expect(scan().status).toBe(0);
    const entries = readdirSync(folder).sort();
    expect(entries).not.toContain('from-an-old-install.bin');
    expect(entries).toContain('from-another-install.bin');
    const written = entries.filter((name) => !name.startsWith('from-'));
    expect(written).toHaveLength(1);

    const entry = path.join(folder, written[0]!);
    age(entry, 3);
    expect(scan().status).toBe(0);
    expect(Date.now() - statSync(entry).mtimeMs).toBeLessThan(DAY); // used, so marked fresh
    expect(readdirSync(folder).sort()).toEqual(entries);
  });
});
