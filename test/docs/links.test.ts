// Every relative link in README.md and docs/**/*.md must lead somewhere: the file (or folder) exists,
// and a #fragment on a link to a Markdown file names a heading there, slugged as GitHub does.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf, githubSlug, proseLines } from '../helpers/markdown.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

interface Link {
  /** The Markdown file the link is in, repository-relative. */
  from: string;
  line: number;
  target: string;
}

function markdownFiles(): string[] {
  const files = ['README.md'];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(REPO_ROOT, folder), { withFileTypes: true })) {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.md')) files.push(relative);
    }
  };
  walk('docs');
  return files.sort();
}

const withoutCodeSpans = (line: string) => line.replace(/(`+)(?:(?!\1).)+?\1/g, (span) => ' '.repeat(span.length));

function linksIn(file: string): Link[] {
  const links: Link[] = [];
  const lines = proseLines(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  // A link's text may wrap over lines, but its `](target)` is on one line: that is what is matched.
  lines.forEach((raw, index) => {
    const line = withoutCodeSpans(raw);
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ from: file, line: index + 1, target: match[1]! });
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+".*")?\s*$/.exec(line);
    if (definition) links.push({ from: file, line: index + 1, target: definition[1]! });
  });
  return links;
}

/** What is wrong with a link, or undefined when it is fine. */
function problemOf(link: Link): string | undefined {
  const { target } = link;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto: …: not ours to check
  const [rawPath, fragment] = target.split('#', 2) as [string, string | undefined];
  const decoded = decodeURIComponent(rawPath);
  const file = decoded === '' ? path.join(REPO_ROOT, link.from) : path.resolve(REPO_ROOT, path.dirname(link.from), decoded);
  if (!file.startsWith(REPO_ROOT)) return `${target} leaves the repository`;
  if (!existsSync(file)) return `${decoded} does not exist`;
  if (fragment === undefined || !file.endsWith('.md') || statSync(file).isDirectory()) return undefined;
  return anchorsOf(file).has(fragment) ? undefined : `${path.relative(REPO_ROOT, file)} has no heading #${fragment}`;
}

const files = markdownFiles();
const links = files.flatMap(linksIn);

describe('links in the documentation', () => {
  it('finds the documentation and its links (a scanner that finds nothing must not pass)', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/manifest.md', 'docs/rules/require-purpose.md']));
    expect(links.length).toBeGreaterThan(100);
    expect(links).toContainEqual(expect.objectContaining({ from: 'README.md', target: 'docs/manifest.md' }));
  });

  it.each(files)('every relative link in %s points to a file that exists, and to a heading that exists', (file) => {
    const broken = links.filter((link) => link.from === file).flatMap((link) => {
      const problem = problemOf(link);
      return problem ? [`${link.from}:${link.line}  (${link.target})  ${problem}`] : [];
    });
    expect(broken).toEqual([]);
  });
});

describe('the link checker itself', () => {
  it('slugs headings as GitHub does', () => {
    expect(githubSlug('Checking a manifest: `privlint manifest check`')).toBe('checking-a-manifest-privlint-manifest-check');
    expect(githubSlug('What the editor sees, and what only `privlint scan` sees')).toBe('what-the-editor-sees-and-what-only-privlint-scan-sees');
    expect(githubSlug('Transcribing a policy: `ref`')).toBe('transcribing-a-policy-ref');
    expect(githubSlug('first_party')).toBe('first_party');
    expect(githubSlug('❌ Incorrect')).toBe('-incorrect');
    expect(githubSlug('Categories, purposes and how parents cover children')).toBe('categories-purposes-and-how-parents-cover-children');
    expect(githubSlug('`@privacy-purpose`')).toBe('privacy-purpose');
    expect(githubSlug('Guards: [config](x.md) & annotations')).toBe('guards-config--annotations');
  });

  it('reports a missing file and a missing heading, and ignores links inside code', () => {
    expect(problemOf({ from: 'README.md', line: 1, target: 'docs/no-such-page.md' })).toMatch(/does not exist/);
    expect(problemOf({ from: 'README.md', line: 1, target: 'docs/manifest.md#no-such-heading' })).toMatch(/has no heading #no-such-heading/);
    expect(problemOf({ from: 'README.md', line: 1, target: 'docs/manifest.md#keys' })).toBeUndefined();
    expect(problemOf({ from: 'docs/manifest.md', line: 1, target: '#keys' })).toBeUndefined();
    expect(problemOf({ from: 'README.md', line: 1, target: 'https://example.com/x.md#nowhere' })).toBeUndefined();
    expect(proseLines('a\n```md\n[x](nowhere.md)\n```\nb').join('|')).toBe('a||||b');
    expect(withoutCodeSpans('see `[x](nowhere.md)` here')).not.toContain('](');
  });
});
