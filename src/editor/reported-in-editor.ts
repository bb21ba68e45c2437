import type { Finding } from '../check/finding.js';
import { flowsOf } from '../check/finding-parts.js';
import { ruleMeta } from '../check/rules.js';
import { isConfigDataFile } from '../detect/config-files.js';
import type { FileFacts } from '../detect/facts.js';

/**
 * Does the ESLint plugin report this finding of the project's evaluation? The editor must never
 * report what `privlint scan` would not, and it reads only the files that can decide a per-file
 * finding, so:
 * - findings of the per-file rules are reported;
 * - a finding about a data flow only when the whole flow, from the collection to where the data
 *   leaves, runs in the finding's own file (a flow across files is `privlint scan`'s) — for a finding
 *   that merges several flows at one sink, every one of them;
 * - an unused `privlint-disable` comment for a rule with flow findings is not, when a sink (or a
 *   project call, which linking may find to be one) is on a line it covers: the flow it silences
 *   may come from a file the editor did not read;
 * - nothing in an app configuration that is not code (app.json, config.xml): ESLint does not lint it.
 */
export function reportedInEditor(finding: Pick<Finding, 'ruleId' | 'kind' | 'file' | 'line' | 'flow' | 'category' | 'parts' | 'directive'>, facts?: Partial<Pick<FileFacts, 'sinks' | 'projectReferences'>>): boolean {
  if (!ruleMeta(finding.ruleId).perFile) return false;
  if (isConfigDataFile(finding.file)) return false;
  // A finding that merges several flows at one sink: every one of them.
  if (!flowsOf(finding).every((flow) => flow.steps.every((step) => step.file === finding.file))) return false;
  if (finding.kind === 'unusedSuppression' && finding.directive?.rules.some((rule) => ruleMeta(rule).reportsFlows)) {
    const { scope } = finding.directive;
    const covered = (line: number) => scope === 'file' || (scope === 'next-line' ? line === finding.line + 1 : line === finding.line);
    // Project calls too: linking may find one to be a sink (an SDK re-exported by a barrel, an axios client).
    const places = [...(facts?.sinks ?? []), ...(facts?.projectReferences ?? [])];
    if (places.some((place) => covered(place.range.line))) return false;
  }
  return true;
}
