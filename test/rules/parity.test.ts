// Editor/CI parity: ESLint (the ESLint class, flat config, @typescript-eslint/parser for TypeScript
// and espree for JavaScript) over each fixture app reports, file by file, exactly the findings of
// `privlint scan` for the per-file rules: same rule, position, severity and message. The fixture
// apps are read at run time; nothing here hard-codes their results.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { beforeEach, describe, expect, it } from 'vitest';
import plugin, { rules } from '../../rules/index.js';
import { ruleMeta, type Severity } from '../../src/check/rules.js';
import { reportedInEditor } from '../../src/editor/reported-in-editor.js';
import { resetEditorSessions } from '../../src/editor/session.js';
import { SOURCE_EXTENSIONS } from '../../src/project/discover.js';
import { scan, type ScanResult } from '../../src/scan.js';
import { UserError } from '../../src/util/problem.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const APPS = path.join(REPO_ROOT, 'fixtures/apps');
const apps = readdirSync(APPS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const LEVEL = { error: 'error', warning: 'warn', note: 'warn' } as const;
const ESLINT_SEVERITY = { error: 2, warning: 1, note: 1 } as const;

interface Row {
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  ruleId: string;
  severity: number;
  message: string;
}

/** The flat config a user would write: TS parser for TypeScript, espree (ESLint's default) with JSX for JavaScript. */
function eslintConfig(overrides: Record<string, Severity | 'off'>): Linter.Config[] {
  // The plugin's recommended levels, adjusted to the severities the project's privlint config sets
  // for `privlint scan`, so that severities can be compared too.
  const levels: Linter.RulesRecord = Object.fromEntries(
    Object.keys(rules).map((id) => {
      const severity = overrides[id] ?? ruleMeta(id).defaultSeverity;
      return [`privlint/${id}`, severity === 'off' ? 'off' : LEVEL[severity]];
    }),
  );
  return [
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as unknown as Linter.Parser } },
    { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { ecmaVersion: 'latest', parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    plugin.configs.recommended as unknown as Linter.Config,
    { rules: levels },
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
}

function byFile(rows: { file: string; row: Row }[]): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const { file, row } of rows) (out[file] ??= []).push(row);
  for (const list of Object.values(out)) {
    list.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  }
  return out;
}

function scanOrSetupError(root: string): ScanResult | UserError {
  try {
    return scan({ paths: [root], cwd: root });
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}

/**
 * A project whose consent checks are the catalog's guards and collection switches (guards.yaml),
 * guarded and not: the editor must judge them as the scan does, switches in other files included.
 */
function consentGuardsProject(): string {
  const manifest = [
    'version: 1',
    'app: { name: Consent guards }',
    'consents:',
    '  analytics: { mode: opt-in }',
    '  crash_reports: { mode: opt-in }',
    '  tracking: { mode: opt-in }',
    '  gpc: { mode: opt-out }',
    'categories:',
    '  - id: device',
    '    uses:',
    '      - { purposes: [analytics], basis: consent, consent: analytics }',
    '  - id: device.advertising_id',
    '    uses:',
    '      - { purposes: [advertising], basis: consent, consent: tracking }',
    '  - id: usage',
    '    uses:',
    '      - { purposes: [analytics], basis: consent, consent: gpc }',
    'recipients:',
    '  - id: google',
    '    role: processor',
    '    packages: ["@react-native-firebase/analytics"]',
    '    shares:',
    '      - { categories: [device], purposes: [analytics], consent: analytics }',
    '  - id: crashlytics',
    '    role: processor',
    '    packages: ["@react-native-firebase/crashlytics"]',
    '    shares:',
    '      - { categories: [device], purposes: [analytics], consent: crash_reports }',
    '  - id: mixpanel',
    '    role: processor',
    '    packages: [mixpanel-browser]',
    '    shares:',
    '      - { categories: [usage], purposes: [analytics], consent: gpc }',
  ].join('\n');
  return writeProject({
    'package.json': JSON.stringify({ name: 'consent-guards', private: true }),
    'privacy-manifest.yaml': manifest,
    'src/privacy.ts': [`import analytics from '@react-native-firebase/analytics';`, `export async function applyChoice(allowed: boolean) {`, `  await analytics().setAnalyticsCollectionEnabled(allowed);`, `}`, ``].join('\n'),
    'src/screen.ts': [`import analytics from '@react-native-firebase/analytics';`, `export const open = () => analytics().logEvent('open');`, ``].join('\n'),
    'src/crash.ts': [`import crashlytics from '@react-native-firebase/crashlytics';`, `crashlytics().setCrashlyticsCollectionEnabled(true);`, `export const note = (m: string) => crashlytics().log(m);`, ``].join('\n'),
    'src/ads.ts': [
      `import { AppTrackingTransparency } from 'capacitor-plugin-app-tracking-transparency';`,
      `import { getAdvertisingId } from 'expo-tracking-transparency';`,
      `export async function adId() {`,
      `  const { status } = await AppTrackingTransparency.getStatus();`,
      `  // @privacy-purpose advertising`,
      `  if (status === 'authorized') return getAdvertisingId();`,
      `  // @privacy-purpose advertising`,
      `  if (status === 'denied') return getAdvertisingId();`,
      `  return null;`,
      `}`,
      ``,
    ].join('\n'),
    'src/web.js': [`import mixpanel from 'mixpanel-browser';`, `export function read() {`, `  if (!navigator.globalPrivacyControl) mixpanel.track('read');`, `  if (navigator.globalPrivacyControl) mixpanel.track('again');`, `}`, ``].join('\n'),
  });
}

describe('ESLint reports exactly what privlint scan reports for the per-file rules', () => {
  beforeEach(() => resetEditorSessions());

  it('has fixture apps', () => {
    expect(apps.length).toBeGreaterThanOrEqual(5);
  });

  // The temporary project also says which consent findings it must have, so that agreeing means something.
  const CONSENT_FINDINGS = [
    'src/ads.ts:8 Collects device.advertising_id (expo-tracking-transparency#getAdvertisingId) for advertising without a consent check for "tracking".',
    'src/crash.ts:2 Its collection switch crashlytics().setCrashlyticsCollectionEnabled at src/crash.ts:2 turns collection on outside any consent check',
    'src/crash.ts:3 Its collection switch crashlytics().setCrashlyticsCollectionEnabled at src/crash.ts:2 turns collection on outside any consent check',
    'src/web.js:4 Calls mixpanel.track (mixpanel-browser) without a consent check for "gpc".',
  ];
  const projects: [string, () => string, string[]?][] = [
    ...apps.map((app): [string, () => string] => [app, () => path.join(APPS, app)]),
    ['consent guards and collection switches (a temporary project)', consentGuardsProject, CONSENT_FINDINGS],
  ];
  for (const [app, rootOf, consentFindings] of projects) {
    it(app, async () => {
      const root = rootOf();
      const result = scanOrSetupError(root);
      const eslint = new ESLint({
        cwd: root,
        overrideConfigFile: true,
        overrideConfig: eslintConfig(result instanceof UserError ? {} : result.config.rules),
      });
      const lintResults = await eslint.lintFiles(result instanceof UserError ? [`**/*.{${SOURCE_EXTENSIONS.join(',')}}`] : result.files);
      expect(lintResults.length).toBeGreaterThan(0);

      for (const lintResult of lintResults) {
        const fatal = lintResult.messages.filter((message) => message.fatal);
        expect(fatal, `${lintResult.filePath}: ESLint could not parse it`).toEqual([]);
      }
      const actual = byFile(
        lintResults.flatMap((lintResult) =>
          lintResult.messages
            .filter((message) => message.ruleId?.startsWith('privlint/'))
            .map((message) => ({
              file: path.relative(root, lintResult.filePath).split(path.sep).join('/'),
              row: { line: message.line, column: message.column, endLine: message.endLine, endColumn: message.endColumn, ruleId: message.ruleId!, severity: message.severity, message: message.message },
            })),
        ),
      );

      if (result instanceof UserError) {
        // A broken manifest or config: scan stops with exit code 2; ESLint shows the problem once,
        // on line 1 of every file, and reports nothing else.
        const firstRule = `privlint/${Object.keys(rules)[0]}`;
        expect(Object.keys(actual).sort()).toEqual(lintResults.map((lintResult) => path.relative(root, lintResult.filePath).split(path.sep).join('/')).sort());
        for (const [file, rows] of Object.entries(actual)) {
          expect(rows, file).toEqual([expect.objectContaining({ line: 1, column: 1, ruleId: firstRule, message: expect.stringContaining(`privlint cannot check this file: `) })]);
          expect(rows[0]!.message, file).toContain(result.message.replace(/^.*?privacy-manifest/, 'privacy-manifest').replace(/^.*?privlint\.config/, 'privlint.config'));
        }
        return;
      }

      const expected = byFile(
        result.findings
          .filter((finding) => reportedInEditor(finding))
          .map((finding) => ({
            file: finding.file,
            row: {
              line: finding.line,
              column: finding.column,
              endLine: finding.endLine,
              endColumn: finding.endColumn,
              ruleId: `privlint/${finding.ruleId}`,
              severity: ESLINT_SEVERITY[finding.severity],
              // ESLint shows one message: the first sentence, then the policy reference and the fix.
              message: `${finding.message} ${finding.help}`,
            },
          })),
      );
      expect(Object.keys(expected).length, `${app}: scan has no per-file findings; the fixture app should exercise the rules`).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
      if (consentFindings && !(result instanceof UserError)) {
        const consent = result.findings.filter((finding) => finding.ruleId === 'require-consent-check');
        expect(consent.map((finding) => `${finding.file}:${finding.line}`)).toEqual(consentFindings.map((row) => row.split(' ')[0]));
        consent.forEach((finding, index) => expect(`${finding.message} ${finding.help}`).toContain(consentFindings[index]!.slice(consentFindings[index]!.indexOf(' ') + 1)));
      }
    });
  }
});
