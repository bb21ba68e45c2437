import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './run-cli.js';

const VALIDATOR = path.join(REPO_ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

export interface ValidatorIssue {
  rule: string;
  level: string;
  message: string;
}

/**
 * Run Microsoft's SARIF validator with the SARIF spec rules and GitHub's ingestion rules
 * (`validate --rule-kind 'Sarif;Gh'`) over a SARIF document; returns its errors and warnings.
 * Called directly, not through npx, so the `;` reaches the tool.
 */
export function validateSarif(sarif: string): ValidatorIssue[] {
  const folder = mkdtempSync(path.join(tmpdir(), 'privlint-sarif-'));
  try {
    const input = path.join(folder, 'input.sarif');
    const output = path.join(folder, 'validation.sarif');
    writeFileSync(input, sarif);
    const run = spawnSync(VALIDATOR, ['validate', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning', '--output', output, input], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    if (run.error) throw run.error;
    const log = JSON.parse(readFileSync(output, 'utf8'));
    const rules = new Map<string, { name?: string; messageStrings?: Record<string, { text: string }> }>(
      (log.runs[0].tool.driver.rules ?? []).map((rule: { id: string }) => [rule.id, rule]),
    );
    return (log.runs[0].results ?? []).map((result: { ruleId: string; level?: string; message: { id?: string; text?: string; arguments?: string[] } }) => {
      const rule = rules.get(result.ruleId);
      let text = result.message.text ?? rule?.messageStrings?.[result.message.id ?? '']?.text ?? '';
      (result.message.arguments ?? []).forEach((argument, index) => (text = text.replace(`{${index}}`, argument)));
      return { rule: `${result.ruleId} ${rule?.name ?? ''}`.trim(), level: result.level ?? 'warning', message: text };
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
