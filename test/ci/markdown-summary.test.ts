import { categoriesOf } from '../../src/check/finding-parts.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { formatMarkdownSummary } from '../../src/report/markdown-summary.js';
import { scan } from '../../src/scan.js';
import { applyBaseline, createBaseline } from '../../src/baseline/baseline.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { scanProject } from '../helpers/temp-project.js';

const APP = path.join(REPO_ROOT, 'fixtures/apps/rn-shop');
const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' };

/** The rows of the first Markdown table under the heading `### heading`, as arrays of cells. */
function table(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`### ${heading}`);
  if (start < 0) return [];
  const first = lines.findIndex((line, index) => index > start && line.startsWith('| '));
  const end = lines.findIndex((line, index) => index > first && !line.startsWith('| '));
  return lines.slice(first + 2, end).map((row) => row.slice(2, -2).split(' | '));
}

describe('scan --format markdown (the pull request summary)', () => {
  const result = scan({ paths: [APP] });

  it('counts findings by rule and severity, in the rules\' order', () => {
    const markdown = formatMarkdownSummary(result);
    const expected = RULES.filter((rule) => result.findings.some((finding) => finding.ruleId === rule.id)).map((rule) => [
      `[\`${rule.id}\`](${rule.docsUrl})`,
      ...(['error', 'warning', 'note'] as const).map((severity) => String(result.findings.filter((finding) => finding.ruleId === rule.id && finding.severity === severity).length)),
    ]);
    expect(table(markdown, 'Findings by rule')).toEqual(expected);
    const errors = result.findings.filter((finding) => finding.severity === 'error').length;
    expect(markdown).toMatch(new RegExp(`^## privlint: ${errors} errors?, `));
  });

  it('counts findings by data category', () => {
    const rows = table(formatMarkdownSummary(result), 'Findings by data category');
    const categorised = rows.filter(([category]) => category!.startsWith('`'));
    const total = categorised.reduce((sum, [, count]) => sum + Number(count), 0);
    // A finding that merges several categories at one place counts under each.
    expect(total).toBe(result.findings.reduce((sum, finding) => sum + categoriesOf(finding).length, 0));
    expect(total).toBeGreaterThan(result.findings.filter((finding) => finding.category).length);
    expect(categorised.map(([category]) => category)).toEqual([...categorised.map(([category]) => category)].sort());
  });

  it('lists the top findings, errors first, with GitHub links when the Actions environment names the commit', () => {
    const markdown = formatMarkdownSummary(result, { env: GITHUB, top: 5 });
    const rows = table(markdown, `Top 5 of ${result.findings.length} findings`);
    expect(rows).toHaveLength(5);
    expect(rows[0]![0]).toBe('✖ error');
    const [, , place] = rows[0]!;
    expect(place).toMatch(/^\[`src\/[^`]+:\d+`\]\(https:\/\/github\.com\/acme\/shop\/blob\/0123456789abcdef0123456789abcdef01234567\/fixtures\/apps\/rn-shop\/src\/[^)]+#L\d+\)$/);
    expect(markdown).toContain(`${result.findings.length - 5} more: see code scanning`);
    // Only the first sentence of each message: the fix is in code scanning and the terminal.
    expect(rows.every(([, , , message]) => !message!.includes('Fix:'))).toBe(true);
  });

  it('shows plain file:line without the Actions environment', () => {
    const markdown = formatMarkdownSummary(result, { top: 100 });
    expect(markdown).not.toContain('https://github.com/acme');
    expect(table(markdown, 'Findings')).toHaveLength(result.findings.length);
    expect(table(markdown, 'Findings')[0]![2]).toMatch(/^`src\/[^`]+:\d+`$/);
  });

  it('says what the baseline accepted and what no longer matches', () => {
    const baseline = createBaseline(result.findings.slice(0, 3));
    baseline.entries.push({ fingerprint: 'gone', ruleId: 'require-purpose', file: 'src/gone.ts', message: 'old', note: '' });
    const compared = applyBaseline(result, baseline, path.join(APP, '.privlint-baseline.json'));
    expect(formatMarkdownSummary(compared)).toContain('Baseline `.privlint-baseline.json`: 3 known findings accepted, not listed here. 1 baseline entry no longer matches: run `privlint baseline --update` to shrink it.');
  });

  it('gives the inventory in short', () => {
    const markdown = formatMarkdownSummary(result);
    const categories = new Set(result.inventory.collections.map((site) => site.category));
    const packages = new Set(result.inventory.sdks.map((use) => use.package));
    expect(markdown).toContain(`<summary>Inventory: ${categories.size} data categories collected in ${result.inventory.collections.length} places, ${packages.size} SDK packages</summary>`);
    const inventory = markdown.split('<details>')[1]!.replace(/<summary>.*<\/summary>/, '### Inventory');
    expect(table(inventory, 'Inventory').map(([category]) => category)).toEqual([...categories].sort().map((category) => `\`${category}\``));
  });

  it('says so when there is nothing to report', () => {
    const clean = scanProject({ 'src/a.ts': 'export const a = 1;\n' });
    const markdown = formatMarkdownSummary(clean);
    expect(markdown).toMatch(/^## privlint: ✔ no privacy findings\n\n1 file scanned without a policy manifest/);
    expect(markdown).toContain('No collection of personal data and no third-party SDK found.');
  });

  it('is what the CLI prints with --format markdown', async () => {
    const run = await runCli(['scan', APP, '--format', 'markdown', '--fail-on', 'never'], { env: GITHUB });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(formatMarkdownSummary(scan({ paths: [APP] }), { env: GITHUB }));
  });
});
