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
  /** The first privlint rule to ask reports a broken manifest or config, or why the file was not analysed; the others stay quiet. */
  noticeClaimed: boolean;
}

/** What privlint says about the file as a whole, once: the setup cannot be loaded, or the file was not analysed. */
export interface FileNotice {
  messageId: 'setupError' | 'notAnalysed';
  message: string;
  line: number;
  column: number;
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
    state = { outcome, noticeClaimed: false };
    states.set(key, state);
  }
  return state;
}

/** The findings of one rule for the file being linted. */
export function findingsFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, ruleId: string): Finding[] {
  return stateFor(context).outcome.findings.filter((finding) => finding.ruleId === ruleId);
}

/** The file's notice — a broken manifest/config, or why the file was not analysed — once per file (for the first rule that asks). */
export function claimFileNotice(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileNotice | undefined {
  const state = stateFor(context);
  if (state.noticeClaimed) return undefined;
  const { setupError, notAnalysed } = state.outcome;
  if (setupError) {
    state.noticeClaimed = true;
    const details = setupError.problems.slice(0, 5).map(formatProblem);
    const more = setupError.problems.length > 5 ? [`… and ${setupError.problems.length - 5} more (run privlint manifest check)`] : [];
    return { messageId: 'setupError', message: [setupError.message, ...details, ...more].join('\n'), line: 1, column: 1 };
  }
  if (notAnalysed) {
    state.noticeClaimed = true;
    return { messageId: 'notAnalysed', ...notAnalysed };
  }
  return undefined;
}
