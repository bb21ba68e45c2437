import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { absoluteLinks, formatSarif, toSarif } from '../../src/report/sarif.js';
import { DOCS_BASE_URL } from '../../src/util/package-info.js';
import { REPO_ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { validateSarif } from '../helpers/sarif-validator.js';
import { scanProject } from '../helpers/temp-project.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;

/** Link targets in Markdown prose (not in code), e.g. "../annotations.md#x". */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)/g)].map((match) => match[1]!);
}

describe('SARIF rule help', () => {
  const rules = toSarif(scanProject({ 'src/a.ts': 'export const a = 1;\n' })).runs[0]!.tool.driver.rules;

  it('links only to absolute addresses, so the help works inside code scanning', () => {
    for (const rule of rules) {
      const targets = linkTargets(rule.help.markdown);
      expect(targets.filter((target) => !/^https?:\/\//.test(target)), rule.id).toEqual([]);
    }
    const consent = rules.find((rule) => rule.id === 'require-consent-check')!;
    expect(linkTargets(consent.help.markdown)).toContain(`${DOCS_BASE_URL}/annotations.md#consent-guards`);
  });

  it('resolves links against the rule page and leaves code alone', () => {
    const page = `${DOCS_BASE_URL}/rules/require-purpose.md`;
    const markdown = [
      'See [annotations](../annotations.md#wrappers), [a rule](no-undeclared-sdk.md), [below](#options),',
      '[the app](../../fixtures/apps/node-api) and [GitHub](https://github.com) ![map](img/map.png "Map") [`sdks.yaml`](../../src/x.yaml).',
      'Inline `x[0](y)` stays.',
      '```ts',
      'handlers[0](event);',
      '```',
      '[config]: ../config.md#rules',
    ].join('\n');
    expect(absoluteLinks(markdown, page).split('\n')).toEqual([
      `See [annotations](${DOCS_BASE_URL}/annotations.md#wrappers), [a rule](${DOCS_BASE_URL}/rules/no-undeclared-sdk.md), [below](${page}#options),`,
      `[the app](${DOCS_BASE_URL.replace(/\/docs$/, '')}/fixtures/apps/node-api) and [GitHub](https://github.com) ![map](${DOCS_BASE_URL}/rules/img/map.png "Map") [\`sdks.yaml\`](${DOCS_BASE_URL.replace(/\/docs$/, '')}/src/x.yaml).`,
      'Inline `x[0](y)` stays.',
      '```ts',
      'handlers[0](event);',
      '```',
      `[config]: ${DOCS_BASE_URL}/config.md#rules`,
    ]);
  });

  it('gives each rule its precision: medium where privlint infers (consent guards, data flows)', () => {
    const precision = Object.fromEntries(rules.map((rule) => [rule.id, rule.properties.precision]));
    expect(precision).toEqual(Object.fromEntries(RULES.map((rule) => [rule.id, rule.precision])));
    for (const id of ['no-undeclared-sharing', 'no-unknown-destination', 'no-residency-violation', 'require-consent-check']) expect(precision[id]).toBe('medium');
    expect(precision['no-undeclared-collection']).toBe('high');
  });
});

describe('SARIF with suppressed findings', () => {
  it('validates with --include-suppressed: next-line, file-wide and JSX suppressions as inSource suppressions', () => {
    const result = scanProject({
      'src/Screen.tsx': [
        IMPORT,
        'export function Screen() {',
        '  return (',
        '    <View>',
        '      {/* privlint-disable-next-line require-purpose -- debug screen only, PRIV-9 */}',
        '      <Text>{DeviceInfo.getUniqueId()}</Text>',
        '      <Text>{DeviceInfo.getAndroidId()}</Text>',
        '    </View>',
        '  );',
        '}',
        '',
      ].join('\n'),
      'src/legacy.ts': ['// privlint-disable require-purpose -- generated client, reviewed in PRIV-7', IMPORT, 'export const mac = DeviceInfo.getMacAddress();', ''].join('\n'),
      'src/stale.ts': [IMPORT, '// privlint-disable-next-line require-purpose -- nothing here any more', 'export const two = 2;', ''].join('\n'),
    });
    const sarif = formatSarif(result, { includeSuppressed: true });
    expect(validateSarif(sarif)).toEqual([]);
    const results = JSON.parse(sarif).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; suppressions?: { kind: string; justification: string }[] }[];
    const view = results.map((entry) => `${entry.ruleId} ${entry.locations[0]!.physicalLocation.artifactLocation.uri}:${entry.locations[0]!.physicalLocation.region.startLine}${entry.suppressions ? ` suppressed (${entry.suppressions[0]!.justification})` : ''}`);
    expect(view).toEqual([
      'require-purpose src/Screen.tsx:6 suppressed (debug screen only, PRIV-9)',
      'require-purpose src/Screen.tsx:7',
      'require-purpose src/legacy.ts:3 suppressed (generated client, reviewed in PRIV-7)',
      'no-unused-suppression src/stale.ts:2',
    ]);
    // Without the flag, suppressed findings are left out (GitHub would show them as open alerts).
    expect(JSON.parse(formatSarif(result)).runs[0].results).toHaveLength(2);
  });
});

describe('privlint scan --format sarif --output FILE --category NAME', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'privlint-sarif-cli-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a valid SARIF file with the category as automationDetails.id', async () => {
    const output = path.join(folder, 'out', 'privlint.sarif');
    const run = await runCli(['scan', 'fixtures/apps/xiaomi-demo', '--format', 'sarif', '--output', output, '--category', 'mobile/android', '--fail-on', 'error']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.status).toBe(1); // the demo app has errors: the file is written all the same
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/privlint: wrote sarif report to .*privlint\.sarif \(\d+ findings\)/);
    const sarif = readFileSync(output, 'utf8');
    expect(validateSarif(sarif)).toEqual([]);
    const [sarifRun] = JSON.parse(sarif).runs;
    expect(sarifRun.automationDetails).toEqual({ id: 'mobile/android/' });
    const uris = sarifRun.results.map((result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('fixtures/apps/xiaomi-demo/src/App.tsx');
    expect(uris).toContain('fixtures/policies/xiaomi.yaml');
    expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${REPO_ROOT}/`);
  });
});

describe("GitHub code scanning's upload limits", () => {
  const result = scanProject({ 'src/a.ts': `${IMPORT}\nexport const a = DeviceInfo.getUniqueId();\n` });
  const finding = result.findings[0]!;

  it('refuses a file over 10 MB gzipped with a clear message', () => {
    // Incompressible messages: 12,000 results (under the 25,000 limit) of 1,200 random characters.
    const findings = Array.from({ length: 12_000 }, (_, index) => ({ ...finding, line: index + 1, message: randomBytes(900).toString('base64') }));
    expect(() => formatSarif({ ...result, findings })).toThrow(/the SARIF file would be 1\d\.\d MB gzipped, over GitHub code scanning's 10 MB limit; use --baseline or split the scan/);
  });

  it('accepts a run just under the result limit', () => {
    const findings = Array.from({ length: 25_000 }, (_, index) => ({ ...finding, line: index + 1 }));
    expect(JSON.parse(formatSarif({ ...result, findings })).runs[0].results).toHaveLength(25_000);
  });
});
