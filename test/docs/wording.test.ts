// User-facing text has no doubled words ("the the") and no numbers with the wrong plural
// ("1 findings"): the docs and the action as written, and what the CLI prints when the counts are 1
// and when its messages put words together (an export's "the Data safety CSV" after "the").
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proseLines } from '../helpers/markdown.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';
import { GIT_ENV, tempRepo } from '../ci/git-repo.js';

/** A word written twice in a row, across spaces, or one line break and a comment's continuation marker (not across paragraphs). */
const DOUBLED = /\b([A-Za-z]{2,})(?:[ \t]+|[ \t]*\n[ \t]*(?:(?:\/\/+|\*|#)[ \t]*)?)\1\b/gi;
/** Count 1 with a plural noun privlint counts ("1 findings", "1 collection sites"). */
const ONE_PLURAL = /\b1 (?:(?:collection|SDK|changed|data|baseline|known|new|stale|privacy) )?(findings|files|errors|warnings|notes|sites|uses|categories|entries|places|steps|problems|packages|hosts|recipients|flows|results|purposes|declarations|changes|lines|suppressions)\b/g;

function doubled(text: string): string[] {
  return [...text.matchAll(DOUBLED)]
    .filter((match) => {
      const [first, second] = [match[0].slice(0, match[1]!.length), match[0].slice(-match[1]!.length)];
      return !(first === first.toUpperCase() || second === second.toUpperCase()); // country codes: "users in IN"
    })
    .map((match) => {
      const line = text.slice(0, match.index).split('\n').length;
      return `${line}: ${JSON.stringify(match[0])}`;
    });
}

describe('wording', () => {
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0');
  const markdown = tracked.filter((file) => file === 'README.md' || (file.startsWith('docs/') && file.endsWith('.md')));
  // The catalog (src/catalog) is data with its own review; its messages reach users through the checks below.
  const sources = tracked.filter((file) => /^(src|rules)\/.*\.ts$/.test(file) && !file.startsWith('src/catalog/'));

  it.each(markdown)('%s has no doubled words and no "1 findings"', (file) => {
    const prose = proseLines(readFileSync(path.join(REPO_ROOT, file), 'utf8')).join('\n');
    expect(doubled(prose)).toEqual([]);
    expect(prose.match(ONE_PLURAL)).toBeNull();
  });

  it.each(['action.yml', '.pre-commit-hooks.yaml'])('%s has no doubled words in its names, descriptions and messages', (file) => {
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    // Prose only: the descriptions and names, and what the scripts echo (not their code).
    const prose = [...text.matchAll(/^\s*-?\s*(?:name|description): (.*(?:\n\s{6,}[^:\n]+$)*)|echo "([^"]*)"/gm)].map((match) => match[1] ?? match[2]!);
    expect(prose.length).toBeGreaterThan(1);
    expect(doubled(prose.join('\n\n'))).toEqual([]);
    expect(prose.join('\n\n').match(ONE_PLURAL)).toBeNull();
  });

  it('the sources have no doubled words or "1 findings" in their messages and comments', () => {
    const found = sources.flatMap((file) => doubled(readFileSync(path.join(REPO_ROOT, file), 'utf8')).map((hit) => `${file}:${hit}`));
    // A help text's aligned columns, and an HTML element's two classes.
    expect(found.map((hit) => hit.replace(/:\d+:/, ':'))).toEqual(['src/cli/commands/index.ts: "scan                                  scan"', 'src/report/html/parts.ts: "sev sev"']);
    const plurals = sources.flatMap((file) => (readFileSync(path.join(REPO_ROOT, file), 'utf8').match(ONE_PLURAL) ?? []).map((hit) => `${file}: ${hit}`));
    expect(plurals).toEqual([]);
  });

  it('the checker finds what it is for', () => {
    expect(doubled('read the\n  // the docs')).toHaveLength(1);
    expect(doubled('users in IN and in in')).toEqual(['1: "in in"']);
    expect('wrote it (1 collection site, 1 findings)'.match(ONE_PLURAL)).toEqual(['1 findings']);
    expect('1 file scanned, 1 changed file, 12 files, exit code 1 when findings are at or above it'.match(ONE_PLURAL)).toBeNull();
    expect('(1 file scanned, 1 collection sites)'.match(ONE_PLURAL)).toEqual(['1 collection sites']);
  });

  it('what the CLI prints with counts of 1, and around the exports\' names, reads right', async () => {
    const IMPORT = `import DeviceInfo from 'react-native-device-info';`;
    const manifest = ['version: 1', 'app:', '  name: Wording', 'categories:', '  - id: device.info', '    uses:', '      - purposes: [diagnostics]', '        basis: legitimate_interest', ''].join('\n');
    const repo = tempRepo({ 'privacy-manifest.yaml': manifest, 'privlint.config.json': '{ "rules": { "no-unused-declaration": "off" } }\n', 'src/a.ts': `${IMPORT}\n// @privacy-purpose diagnostics\nexport const mac = DeviceInfo.getMacAddress();\n` });
    repo.commitAll('initial');
    repo.write('src/b.ts', 'export const b = 1;\n');
    repo.git('add', 'src/b.ts');
    const bare = writeProject({ 'src/a.ts': 'export const a = 1;\n', 'blocked': '' });
    const runs = [
      await runCli(['scan'], { cwd: repo.root }),
      await runCli(['scan', '--format', 'markdown'], { cwd: repo.root }),
      await runCli(['scan', '--staged'], { cwd: repo.root, env: GIT_ENV }),
      await runCli(['scan', '--output', 'out.json', '--format', 'json'], { cwd: repo.root }),
      await runCli(['report'], { cwd: repo.root }),
      await runCli(['report', '--format', 'markdown'], { cwd: repo.root }),
      await runCli(['baseline'], { cwd: repo.root }),
      await runCli(['export', 'play-data-safety'], { cwd: repo.root }),
      await runCli(['export', 'apple-privacy-manifest'], { cwd: repo.root }),
      await runCli(['export', 'play-data-safety'], { cwd: bare }),
      await runCli(['export', 'apple-privacy-manifest'], { cwd: bare }),
      await runCli(['export', 'play-data-safety', '--manifest', path.join(repo.root, 'privacy-manifest.yaml'), '--output', 'blocked/x.csv'], { cwd: bare }),
      await runCli(['manifest', 'check'], { cwd: repo.root }),
    ];
    const printed = runs.map((run) => `${run.stdout}\n${run.stderr}`).join('\n');
    expect(printed).toContain('the Data safety CSV is drafted from the manifest');
    expect(printed).toContain('cannot write the Data safety CSV');
    expect(printed).toContain('(1 collection site, 1 finding)');
    expect(printed).toContain('1 error, 0 warnings, 0 notes (2 files scanned, 1 collection site, 0 SDK uses)');
    expect(printed).toContain('(1 changed file)');
    expect(doubled(printed)).toEqual([]);
    expect(printed.match(ONE_PLURAL)).toBeNull();
  });
});
