import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES } from '../../src/check/rules.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs/ci.md'), 'utf8');
const ACTION = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };

/** The fenced code blocks of a language. */
const blocks = (language: string) => [...DOC.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);

/** The rows of the Markdown table whose header row starts with `firstHeader`. */
function table(firstHeader: string): string[][] {
  const lines = DOC.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${firstHeader} |`));
  const rows: string[][] = [];
  for (let index = start + 2; lines[index]?.startsWith('|'); index++) rows.push(lines[index]!.slice(2, -2).split(' | '));
  return rows;
}

const band = (score: number) => (score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low');

describe('docs/ci.md', () => {
  it('maps every rule to the security-severity and precision the SARIF carries', () => {
    const rows = table('rule').map(([rule, level, severity, bandName, precision]) => ({ rule, level, severity, bandName, precision }));
    const expected = RULES.map((rule) => ({
      rule: `\`${rule.id}\``,
      level: rule.defaultSeverity,
      severity: rule.securitySeverity,
      bandName: band(Number(rule.securitySeverity)),
      precision: rule.precision,
    }));
    expect([...rows].sort((a, b) => a.rule!.localeCompare(b.rule!))).toEqual([...expected].sort((a, b) => a.rule.localeCompare(b.rule)));
  });

  it('documents every input of action.yml, and the example workflows use only those', () => {
    expect(table('input').map(([input]) => input!.replace(/`/g, ''))).toEqual(Object.keys(ACTION.inputs));
    const uses = blocks('yaml')
      .map((text) => parse(text) as unknown)
      .flatMap(function steps(node: unknown): { uses?: string; with?: Record<string, unknown> }[] {
        if (Array.isArray(node)) return node.flatMap(steps);
        if (node && typeof node === 'object') {
          const record = node as Record<string, unknown>;
          return [...(typeof record.uses === 'string' ? [record as { uses: string; with?: Record<string, unknown> }] : []), ...Object.values(record).flatMap(steps)];
        }
        return [];
      })
      .filter((step) => step.uses!.startsWith('privlint/privlint@'));
    expect(uses.length).toBeGreaterThan(0);
    for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(ACTION.inputs)).toContain(input);
  });

  it('uses only commands and flags privlint has in its examples', () => {
    // Comments left out: they mention privlint in prose.
    const code = [...blocks('yaml'), ...blocks('sh'), ...blocks('js')].map((text) => text.replace(/(^|\s)(#|\/\/) .*$/gm, ''));
    const commandLines = code.flatMap((text) => [...text.matchAll(/(?<![\w/.-])privlint ((?:manifest |export )?[a-z]+)((?: [^\n'"`]*)?)/g)]);
    expect(commandLines.length).toBeGreaterThan(10);
    for (const [line, name, rest] of commandLines) {
      const command = COMMANDS.find((candidate) => candidate.name.join(' ') === name);
      expect(command, line).toBeDefined();
      for (const flag of rest!.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []) expect(Object.keys(command!.options), `${line}: ${flag}`).toContain(flag.slice(2));
    }
  });
});
