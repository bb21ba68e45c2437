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

describe('ESLint reports exactly what privlint scan reports for the per-file rules', () => {
  beforeEach(() => resetEditorSessions());

  it('has fixture apps', () => {
    expect(apps.length).toBeGreaterThanOrEqual(5);
  });

  for (const app of apps) {
    it(app, async () => {
      const root = path.join(APPS, app);
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
    });
  }
});
