import type { Colors } from '../util/colors.js';
import type { Finding } from '../check/finding.js';
import type { ScanResult } from '../result/scan-result.js';
import { displayPath, toPosixRelative } from '../util/paths.js';
import { codeFrame } from './code-frame.js';
import { compactFlow } from './flow-listing.js';
import { flowsOf, viasOf } from '../check/finding-parts.js';
import { unrecognisedPackageNames } from '../link/dependencies.js';

/** Flows printed under one finding; more are counted. */
const MAX_FLOWS_SHOWN = 3;

export interface TextOptions {
  colors: Colors;
  /** File lines for code frames, by scan-root-relative path. */
  readLines: (file: string) => readonly string[];
  cwd: string;
}

/** Human output: findings grouped by file with a code frame, diagnostics, then a summary. */
export function formatText(result: ScanResult, options: TextOptions): string {
  const { colors } = options;
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);

  const severityLabel = (severity: Finding['severity']) =>
    severity === 'error' ? colors.red('error') : severity === 'warning' ? colors.yellow('warning') : colors.blue('note');
  const shownFile = (file: string) => displayPath(`${result.root}/${file}`, options.cwd);
  // Findings name the manifest by its path from the scan root (stable in JSON and SARIF); in the
  // terminal, name it as every heading names files, from the current folder.
  const manifestInMessages = result.manifest ? toPosixRelative(result.root, result.manifest.file) : undefined;
  const manifestShown = manifestInMessages ? shownFile(manifestInMessages) : undefined;
  const readable = (message: string) =>
    manifestInMessages && manifestShown && manifestShown !== manifestInMessages
      ? message.replace(new RegExp(`(^|[\\s(])${escapeRegExp(manifestInMessages)}(?=[:\\s).,]|$)`, 'g'), `$1${manifestShown}`)
      : message;

  for (const [file, findings] of byFile) {
    out.push(colors.underline(shownFile(file)));
    const lines = options.readLines(file);
    for (const finding of findings) {
      out.push(`  ${shownFile(file)}:${finding.line}:${finding.column}  ${severityLabel(finding.severity)}  ${readable(finding.message)}  ${colors.dim(`privlint/${finding.ruleId}`)}`);
      // The second line: the policy reference and the fix.
      if (finding.help) out.push(`    ${readable(finding.help)}`);
      for (const step of viasOf(finding).flat()) out.push(`    ${colors.dim('via')} ${shownFile(step.file)}:${step.line}:${step.column}  ${step.note}`);
      const flows = flowsOf(finding);
      // A finding that merges several flows at one sink names each flow's category; JSON and SARIF list them all.
      for (const flow of flows.slice(0, MAX_FLOWS_SHOWN)) {
        const label = new Set(flows.map((candidate) => candidate.category)).size > 1 && flow.category ? `flow ${flow.category}` : 'flow';
        out.push(`    ${colors.dim(label)} ${compactFlow(flow.steps, shownFile).join(colors.dim(' → '))}`);
      }
      if (flows.length > MAX_FLOWS_SHOWN) out.push(`    ${colors.dim(`… and ${flows.length - MAX_FLOWS_SHOWN} more flows to this place (--format json lists them)`)}`);
      if (lines.length > 0) out.push(indent(codeFrame(lines, finding.line, finding.column, finding.endLine, finding.endColumn, colors), 4));
    }
    out.push('');
  }

  const diagnostics = result.inventory.diagnostics;
  if (diagnostics.length > 0) {
    out.push(colors.bold('Files privlint could not fully analyse:'));
    for (const diagnostic of diagnostics) {
      out.push(`  ${shownFile(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}  ${severityLabel(diagnostic.severity)}  ${diagnostic.message}`);
    }
    out.push('');
  }

  if (!result.manifest) {
    out.push(colors.yellow('No privacy-manifest.yaml found: nothing was checked against a policy (only annotations).'));
    out.push('Pass --manifest FILE, or run `privlint init` to draft one. Inventory:');
    out.push(...inventorySummary(result, shownFile));
    out.push('');
  }

  if (result.baseline) {
    const { accepted, stale, file } = result.baseline;
    out.push(colors.dim(`${accepted} finding${accepted === 1 ? '' : 's'} accepted by the baseline ${file}.`));
    if (stale.length > 0) {
      out.push(colors.yellow(`${stale.length} baseline entr${stale.length === 1 ? 'y no longer matches' : 'ies no longer match'} (fixed, or the code changed): run privlint baseline --update to shrink it.`));
      for (const entry of stale.slice(0, 10)) out.push(`  ${shownFile(entry.file)}  ${entry.ruleId}  ${firstSentence(entry.message)}`);
    }
    out.push('');
  }
  const notRecognised = unrecognisedLine(result);
  if (notRecognised) out.push(colors.yellow(notRecognised));
  out.push(summaryLine(result, colors));
  return `${out.join('\n')}\n`;
}

/** Names shown in the line about unrecognised packages; more are counted. */
const MAX_PACKAGES_SHOWN = 8;

/**
 * "3 third-party packages not recognised: a, b, c …": what privlint could not judge, next to the
 * totals so that "no findings" never reads as "nothing is sent". Undefined when there are none.
 */
export function unrecognisedLine(result: ScanResult): string | undefined {
  const names = result.dependencies ? unrecognisedPackageNames(result.dependencies) : [];
  if (names.length === 0) return undefined;
  const shown = names.slice(0, MAX_PACKAGES_SHOWN).join(', ');
  const more = names.length > MAX_PACKAGES_SHOWN ? `, and ${names.length - MAX_PACKAGES_SHOWN} more (--format json lists them)` : '';
  const count = `${names.length} third-party package${names.length === 1 ? '' : 's'}`;
  return `! ${count} not recognised, so not judged (privlint's catalog does not say what ${names.length === 1 ? 'it sends' : 'they send'}): ${shown}${more}`;
}

function inventorySummary(result: ScanResult, shownFile: (file: string) => string): string[] {
  const lines: string[] = [];
  const byCategory = new Map<string, string[]>();
  for (const site of result.inventory.collections) {
    byCategory.set(site.category, [...(byCategory.get(site.category) ?? []), `${shownFile(site.file)}:${site.line}`]);
  }
  for (const [category, places] of [...byCategory].sort()) lines.push(`  ${category}: ${places.length} site${places.length === 1 ? '' : 's'} (${places.slice(0, 3).join(', ')}${places.length > 3 ? ', …' : ''})`);
  const sdks = [...new Set(result.inventory.sdks.map((use) => `${use.package} (${use.vendor}, ${use.kind})`))].sort();
  if (sdks.length > 0) lines.push(`  SDKs: ${sdks.join(', ')}`);
  if (lines.length === 0) lines.push('  nothing collected, no SDKs found');
  return lines;
}

export function summaryLine(result: ScanResult, colors: Colors): string {
  const count = (severity: Finding['severity']) => result.findings.filter((finding) => finding.severity === severity).length;
  const [errors, warnings, notes] = [count('error'), count('warning'), count('note')];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const sites = result.inventory.collections.length;
  const sdks = result.inventory.sdks.length;
  // Files with a warning (a syntax error, an unreadable file) were not (fully) analysed: say so.
  const unanalysed = new Set(result.inventory.diagnostics.filter((diagnostic) => diagnostic.severity !== 'note').map((diagnostic) => diagnostic.file)).size;
  const partly = unanalysed > 0 ? ` (${unanalysed} with a warning above)` : '';
  const scanned = `${plural(result.files.length, 'file')} scanned${partly}, ${plural(sites, 'collection site')}, ${plural(sdks, 'SDK use')}`;
  if (errors + warnings + notes === 0) {
    return unanalysed > 0 ? `${colors.yellow('!')} No privacy findings in what could be analysed (${scanned}).` : `${colors.green('✓')} No privacy findings (${scanned}).`;
  }
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(notes, 'note')].join(', ');
  const mark = errors > 0 ? colors.red('✖') : colors.yellow('!');
  return `${mark} ${parts} (${scanned}).`;
}

/** A baseline entry's message up to its first sentence's end (entries written before messages were split hold the fix too). */
function firstSentence(message: string): string {
  return /^.*?[.?](?=\s|$)/.exec(message)?.[0] ?? message;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}
