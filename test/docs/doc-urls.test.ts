// Every web address privlint prints that points into its own repository — rule docs in ESLint,
// SARIF (helpUri, informationUri, the links in each rule's help) and the Markdown summary — names a
// file that exists in this repository's layout (and, for docs, that the package ships), and a
// #fragment names a heading there. package.json's repository, homepage and bugs agree with them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';
import { RULES } from '../../src/check/rules.js';
import { formatMarkdownSummary } from '../../src/report/markdown-summary.js';
import { toSarif } from '../../src/report/sarif.js';
import { scan } from '../../src/scan.js';
import { DOCS_BASE_URL, HOMEPAGE_URL } from '../../src/util/package-info.js';
import { anchorsOf } from '../helpers/markdown.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const PACKAGE = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
  files: string[];
};
const BLOB = `${HOMEPAGE_URL}/blob/main/`;

/** Every address in a text: Markdown link targets and bare URLs. */
const urlsIn = (text: string) => [...text.matchAll(/https?:\/\/[^\s)"'<>`\]]+/g)].map((match) => match[0]);

/** What is wrong with an address into the repository, or undefined when it leads somewhere. */
function problemOf(url: string): string | undefined {
  if (url === HOMEPAGE_URL) return undefined;
  if (!url.startsWith(BLOB)) return `not under ${BLOB}`;
  const [target, fragment] = url.slice(BLOB.length).split('#', 2) as [string, string | undefined];
  const file = path.join(REPO_ROOT, decodeURIComponent(target));
  if (!existsSync(file)) return `${target} does not exist in the repository`;
  if (target.startsWith('docs/') && !PACKAGE.files.some((entry) => target === entry || target.startsWith(`${entry}/`))) return `${target} is not in the package's files`;
  if (fragment !== undefined && file.endsWith('.md') && !statSync(file).isDirectory() && !anchorsOf(file).has(fragment)) return `${target} has no heading #${fragment}`;
  return undefined;
}

describe('addresses privlint prints into its repository', () => {
  const result = scan({ paths: [path.join(REPO_ROOT, 'fixtures/apps/xiaomi-demo')] });
  const sarif = toSarif(result).runs[0]!.tool.driver;
  const printed = new Map<string, string[]>([
    ['rule docsUrl', RULES.map((rule) => rule.docsUrl)],
    ['ESLint meta.docs.url', Object.values(plugin.rules).map((rule) => rule.meta.docs!.url!)],
    ['SARIF informationUri', [sarif.informationUri]],
    ['SARIF helpUri', sarif.rules.map((rule) => rule.helpUri)],
    ['SARIF help.markdown', sarif.rules.flatMap((rule) => urlsIn(rule.help.markdown).filter((url) => url.startsWith(HOMEPAGE_URL)))],
    ['Markdown summary', urlsIn(formatMarkdownSummary(result)).filter((url) => url.startsWith(HOMEPAGE_URL))],
  ]);

  it('come from package.json, whose repository, homepage and bugs name the same repository', () => {
    expect(PACKAGE.repository).toEqual({ type: 'git', url: `git+${HOMEPAGE_URL}.git` });
    expect(PACKAGE.homepage).toBe(`${HOMEPAGE_URL}#readme`);
    expect(PACKAGE.bugs).toEqual({ url: `${HOMEPAGE_URL}/issues` });
    expect(HOMEPAGE_URL).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(DOCS_BASE_URL).toBe(`${BLOB}docs`);
  });

  it('are found (a collector that finds nothing must not pass)', () => {
    for (const [where, urls] of printed) expect(urls.length, where).toBeGreaterThan(0);
    expect(printed.get('SARIF help.markdown')!.length).toBeGreaterThan(30);
    expect(RULES.map((rule) => rule.docsUrl)).toEqual(expect.arrayContaining(printed.get('ESLint meta.docs.url')!));
  });

  it.each([...printed.keys()])('%s: every address names a file of the repository (docs the package ships) and a heading there', (where) => {
    const broken = [...new Set(printed.get(where))].flatMap((url) => {
      const problem = problemOf(url);
      return problem ? [`${url}  ${problem}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('the checker reports a missing file, a missing heading and an address elsewhere', () => {
    expect(problemOf(`${BLOB}docs/rules/no-such-rule.md`)).toMatch(/does not exist/);
    expect(problemOf(`${BLOB}docs/manifest.md#no-such-heading`)).toMatch(/has no heading #no-such-heading/);
    expect(problemOf(`${BLOB}docs/manifest.md`)).toBeUndefined();
    expect(problemOf(`${HOMEPAGE_URL}/tree/main/docs`)).toMatch(/not under/);
  });
});
