import path from 'node:path';
import type { Finding } from '../check/finding.js';
import { categoriesOf } from '../check/finding-parts.js';
import { RULES, type Severity } from '../check/rules.js';
import { findRepositoryRoot } from '../git/repository.js';
import { unrecognisedPackageNames } from '../link/dependencies.js';
import type { ScanResult } from '../result/scan-result.js';
import { compareByPlace, compareText } from '../util/order.js';
import { toPosixRelative } from '../util/paths.js';
import { code, messageText, text } from './markdown-report.js';
import { plural } from '../util/plural.js';

export interface MarkdownSummaryOptions {
  /** GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA make file:line a link to the commit on GitHub. */
  env?: NodeJS.ProcessEnv;
  /** How many findings to list one by one (default 20); the counts cover all of them. */
  top?: number;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
/** Unrecognised packages named one by one; more are counted. */
const MAX_PACKAGES_LISTED = 10;
const MARK: Record<Severity, string> = { error: '✖ error', warning: '▲ warning', note: 'ℹ note' };

/**
 * A short Markdown summary of a scan for a pull request comment or $GITHUB_STEP_SUMMARY: counts by
 * rule and by data category, the top findings linked to their lines, the baseline, the inventory
 * in brief. The full inventory is `privlint report --format markdown`. Pure, deterministic.
 */
export function formatMarkdownSummary(result: ScanResult, options: MarkdownSummaryOptions = {}): string {
  const top = options.top ?? 20;
  const link = sourceLinker(result, options.env ?? {});
  const { findings } = result;
  const count = (severity: Severity, list: readonly Finding[] = findings) => list.filter((finding) => finding.severity === severity).length;
  const out: string[] = [];

  const status = findings.length === 0 ? '✔ no privacy findings' : SEVERITIES.map((severity) => plural(count(severity), severity)).join(', ');
  out.push(`## privlint: ${status}`, '');
  const policy = result.manifest ? `against the policy manifest ${code(toPosixRelative(result.root, result.manifest.file))}` : 'without a policy manifest (only annotations were checked; `privlint init` drafts one)';
  out.push(`${plural(result.files.length, 'file')} scanned ${policy}: ${plural(result.inventory.collections.length, 'collection site')}, ${plural(result.inventory.sdks.length, 'SDK use')}.`, '');
  const unrecognised = result.dependencies ? unrecognisedPackageNames(result.dependencies) : [];
  if (unrecognised.length > 0) {
    const shown = unrecognised.slice(0, MAX_PACKAGES_LISTED).map(code).join(', ');
    const more = unrecognised.length > MAX_PACKAGES_LISTED ? `, and ${unrecognised.length - MAX_PACKAGES_LISTED} more` : '';
    out.push(`**Not judged:** ${plural(unrecognised.length, 'third-party package')} privlint does not recognise, so it cannot say what ${unrecognised.length === 1 ? 'it sends' : 'they send'}: ${shown}${more}.`, '');
  }

  if (result.baseline) {
    const { accepted, stale, file } = result.baseline;
    const staleText = stale.length > 0 ? ` ${plural(stale.length, 'baseline entry', 'baseline entries')} no longer ${stale.length === 1 ? 'matches' : 'match'}: run \`privlint baseline --update\` to shrink it.` : '';
    out.push(`Baseline ${code(file)}: ${plural(accepted, 'known finding')} accepted, not listed here.${staleText}`, '');
  }

  if (findings.length > 0) {
    out.push('### Findings by rule', '', '| Rule | Errors | Warnings | Notes |', '| --- | ---: | ---: | ---: |');
    for (const rule of RULES) {
      const ofRule = findings.filter((finding) => finding.ruleId === rule.id);
      if (ofRule.length > 0) out.push(`| [${code(rule.id)}](${rule.docsUrl}) | ${SEVERITIES.map((severity) => count(severity, ofRule)).join(' | ')} |`);
    }
    out.push('');

    const byCategory = new Map<string, number>();
    // A finding that merges several categories at one place counts under each of them.
    for (const finding of findings) for (const category of categoriesOf(finding)) byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
    if (byCategory.size > 0) {
      out.push('### Findings by data category', '', '| Data category | Findings |', '| --- | ---: |');
      for (const [category, total] of [...byCategory].sort(([a], [b]) => compareText(a, b))) out.push(`| ${code(category)} | ${total} |`);
      const other = findings.filter((finding) => !finding.category).length;
      if (other > 0) out.push(`| _not about one category (SDKs, suppressions)_ | ${other} |`);
      out.push('');
    }

    const ranked = [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || compareByPlace(a, b));
    out.push(findings.length > top ? `### Top ${top} of ${findings.length} findings` : '### Findings', '', '| Severity | Rule | Place | Finding |', '| --- | --- | --- | --- |');
    for (const finding of ranked.slice(0, top)) {
      out.push(`| ${MARK[finding.severity]} | ${code(finding.ruleId)} | ${link(finding.file, finding.line)} | ${messageText(finding.message)} |`);
    }
    if (findings.length > top) out.push('', `${findings.length - top} more: see code scanning, or run \`privlint scan\` locally.`);
    out.push('');
  }

  out.push(...inventory(result), '');
  return `${out.join('\n')}\n`;
}

function inventory(result: ScanResult): string[] {
  const { collections, sdks } = result.inventory;
  if (collections.length === 0 && sdks.length === 0) return ['No collection of personal data and no third-party SDK found.'];
  const byCategory = new Map<string, { places: number; apis: Set<string> }>();
  for (const site of collections) {
    const entry = byCategory.get(site.category) ?? { places: 0, apis: new Set<string>() };
    entry.places++;
    entry.apis.add(site.api);
    byCategory.set(site.category, entry);
  }
  const packages = new Map<string, { vendor: string; kind: string; uses: number }>();
  for (const use of sdks) {
    const entry = packages.get(use.package) ?? { vendor: use.vendor, kind: use.kind, uses: 0 };
    entry.uses++;
    packages.set(use.package, entry);
  }
  const out = [
    '<details>',
    `<summary>Inventory: ${plural(byCategory.size, 'data category', 'data categories')} collected in ${plural(collections.length, 'place')}, ${plural(packages.size, 'SDK package')}</summary>`,
    '',
  ];
  if (byCategory.size > 0) {
    out.push('| Data category | Places | APIs |', '| --- | ---: | --- |');
    for (const [category, entry] of [...byCategory].sort(([a], [b]) => compareText(a, b))) {
      const apis = [...entry.apis].sort(compareText);
      out.push(`| ${code(category)} | ${entry.places} | ${apis.slice(0, 3).map(code).join(', ')}${apis.length > 3 ? `, and ${apis.length - 3} more` : ''} |`);
    }
    out.push('');
  }
  if (packages.size > 0) {
    out.push('| SDK | Vendor | Kind | Imports |', '| --- | --- | --- | ---: |');
    for (const [name, entry] of [...packages].sort(([a], [b]) => compareText(a, b))) out.push(`| ${code(name)} | ${text(entry.vendor)} | ${text(entry.kind)} | ${entry.uses} |`);
    out.push('');
  }
  out.push('The full inventory: `privlint report --format markdown`.', '', '</details>');
  return out;
}

/** `file:line`, linked to the commit on GitHub when the Actions environment says which one. */
function sourceLinker(result: ScanResult, env: NodeJS.ProcessEnv): (file: string, line: number) => string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  const repositoryRoot = findRepositoryRoot(result.root) ?? result.root;
  const usable = server && repository && sha && /^https?:\/\/[^\s()<>]+$/.test(server) && /^[\w.-]+\/[\w.-]+$/.test(repository) && /^[0-9a-f]{7,64}$/i.test(sha);
  return (file, line) => {
    const label = code(`${file}:${line}`);
    const relative = toPosixRelative(repositoryRoot, path.resolve(result.root, file));
    if (!usable || relative.startsWith('../')) return label;
    const blob = `${server.replace(/\/+$/, '')}/${repository}/blob/${sha}/${relative.split('/').map(encodeURIComponent).join('/')}#L${line}`;
    return `[${label}](${blob})`;
  };
}

