import type { TSESLint } from '@typescript-eslint/utils';
import type { Finding } from '../../src/check/finding.js';
import { lintText, type LintOutcome } from '../../src/editor/session.js';
import { formatProblem } from '../../src/util/problem.js';

export interface PrivlintSettings {
  manifest?: string;
  config?: string;
}

interface FileState {
  outcome: LintOutcome;
  /** The first privlint rule to ask reports a broken manifest or config; the others stay quiet. */
  setupErrorClaimed: boolean;
}

/** One analysis per linted file, shared by every privlint rule (ESLint creates a new SourceCode per run). */
const states = new WeakMap<object, FileState>();

function stateFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileState {
  const key = context.sourceCode;
  let state = states.get(key);
  if (!state) {
    const settings = (context.settings.privlint ?? {}) as PrivlintSettings;
    const outcome = lintText(context.filename, context.sourceCode.text, {
      cwd: context.cwd,
      ...(typeof settings.manifest === 'string' ? { manifest: settings.manifest } : {}),
      ...(typeof settings.config === 'string' ? { config: settings.config } : {}),
    });
    state = { outcome, setupErrorClaimed: false };
    states.set(key, state);
  }
  return state;
}

/** The findings of one rule for the file being linted. */
export function findingsFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, ruleId: string): Finding[] {
  return stateFor(context).outcome.findings.filter((finding) => finding.ruleId === ruleId);
}

/** The text of a broken manifest/config problem, once per file (for the first rule that asks). */
export function claimSetupError(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string | undefined {
  const state = stateFor(context);
  const error = state.outcome.setupError;
  if (!error || state.setupErrorClaimed) return undefined;
  state.setupErrorClaimed = true;
  const details = error.problems.slice(0, 5).map(formatProblem);
  const more = error.problems.length > 5 ? [`… and ${error.problems.length - 5} more (run privlint manifest check)`] : [];
  return [error.message, ...details, ...more].join('\n');
}
