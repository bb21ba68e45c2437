import type { Finding } from '../check/finding.js';
import { ruleMeta } from '../check/rules.js';
import type { FileFacts } from '../detect/facts.js';

/**
 * Does the ESLint plugin report this finding of the project's evaluation? The editor must never
 * report what `privlint scan` would not, and it reads only the files that can decide a per-file
 * finding, so:
 * - findings of the per-file rules are reported;
 * - a finding about a data flow only when the whole flow, from the collection to where the data
 *   leaves, runs in the finding's own file (a flow across files is `privlint scan`'s);
 * - an unused `privlint-disable` comment for a rule with flow findings is not, when a sink is on the
 *   line it covers: the flow it silences may come from a file the editor did not read.
 */
export function reportedInEditor(finding: Pick<Finding, 'ruleId' | 'kind' | 'file' | 'line' | 'flow' | 'directive'>, facts?: Pick<FileFacts, 'sinks'>): boolean {
  if (!ruleMeta(finding.ruleId).perFile) return false;
  if (finding.flow && !finding.flow.every((step) => step.file === finding.file)) return false;
  if (finding.kind === 'unusedSuppression' && finding.directive?.rules.some((rule) => ruleMeta(rule).reportsFlows)) {
    const { scope } = finding.directive;
    const covered = (line: number) => scope === 'file' || (scope === 'next-line' ? line === finding.line + 1 : line === finding.line);
    if ((facts?.sinks ?? []).some((sink) => covered(sink.range.line))) return false;
  }
  return true;
}
