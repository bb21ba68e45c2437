import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Finding, SuppressedFinding } from '../check/finding.js';
import { flowsOf, viasOf } from '../check/finding-parts.js';
import { RULES, type RuleMeta, type Severity } from '../check/rules.js';
import type { ViaStep } from '../link/inventory.js';
import type { ScanResult } from '../result/scan-result.js';
import { findRepositoryRoot } from '../git/repository.js';
import { DOCS_BASE_URL, HOMEPAGE_URL, PACKAGE_ROOT, PACKAGE_VERSION } from '../util/package-info.js';
import { compareByPlace } from '../util/order.js';
import { toPosixRelative } from '../util/paths.js';
import { UserError } from '../util/problem.js';

/** GitHub code scanning's limits for one SARIF upload (docs.github.com, "SARIF support for code scanning"). */
export const GITHUB_MAX_RESULTS_PER_RUN = 25_000;
export const GITHUB_MAX_GZIPPED_BYTES = 10 * 1024 * 1024;

export interface SarifOptions {
  /** automationDetails.id prefix, so several privlint runs (per app, per shard) stay apart in code scanning. */
  category?: string;
  /** Keep inline-suppressed findings, marked with `suppressions` (GitHub shows them as open alerts). */
  includeSuppressed?: boolean;
  /** The folder URIs are relative to: the repository root when there is one. */
  sourceRoot?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };
const SRCROOT = '%SRCROOT%';

/** SARIF 2.1.0 for GitHub code scanning: every rule in the driver, one result per finding. */
export function toSarif(result: ScanResult, options: SarifOptions = {}) {
  const sourceRoot = options.sourceRoot ?? repositoryRoot(result.root);
  const uriOf = (file: string) => toPosixRelative(sourceRoot, path.resolve(result.root, file));
  const location = (file: string, line: number, column: number, endLine = line, endColumn = column + 1) => ({
    physicalLocation: {
      artifactLocation: { uri: uriOf(file), uriBaseId: SRCROOT },
      region: { startLine: line, startColumn: column, endLine, endColumn: Math.max(endColumn, endLine === line ? column + 1 : endColumn) },
    },
  });
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const findings: (Finding | SuppressedFinding)[] = options.includeSuppressed ? [...result.findings, ...result.suppressed].sort(compareByPlace) : result.findings;

  const results = findings.map((finding) => {
    // A finding that merges several flows at one sink has a code flow for each.
    const flows = flowsOf(finding).map((flow) => flow.steps);
    const chains = flows.length > 0 ? flows : viasOf(finding);
    const steps = chains.flat();
    const suppression = 'suppression' in finding ? finding.suppression : undefined;
    // GitHub follows an alert by primaryLocationLineHash: a merged finding continues its leading part's alert.
    const leading = finding.parts?.[0]?.fingerprint ?? finding.fingerprint;
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId)!,
      level: LEVEL[finding.severity],
      // The first sentence says what and where; the policy reference and the fix are in the markdown and the rule's help.
      message: { text: finding.message, ...(finding.help ? { markdown: `${finding.message}\n\n${finding.help}` } : {}) },
      locations: [location(finding.file, finding.line, finding.column, finding.endLine, finding.endColumn)],
      partialFingerprints: { primaryLocationLineHash: `${leading.slice(0, 16)}:1`, 'privlint/v1': finding.fingerprint },
      ...(steps.length > 0
        ? {
            relatedLocations: steps.map((step, index) => ({ id: index + 1, ...location(step.file, step.line, step.column), message: { text: step.note } })),
            codeFlows: chains.map((chain) => ({ threadFlows: [{ locations: flowLocations(finding, flows.length > 0, chain, location) }] })),
          }
        : {}),
      ...(suppression ? { suppressions: [{ kind: 'inSource', justification: suppression.justification }] } : {}),
    };
  });

  const notifications = result.inventory.diagnostics.map((diagnostic) => ({
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [location(diagnostic.file, diagnostic.line, diagnostic.column)],
  }));

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'privlint',
            version: PACKAGE_VERSION,
            semanticVersion: PACKAGE_VERSION,
            informationUri: HOMEPAGE_URL,
            rules: RULES.map(sarifRule),
          },
        },
        automationDetails: { id: `${(options.category ?? 'privlint').replace(/\/+$/, '')}/` },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(sourceRoot).href.replace(/\/?$/, '/')}` } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function flowLocations(finding: Finding, isFlow: boolean, steps: ViaStep[], location: (file: string, line: number, column: number) => object) {
  if (isFlow) {
    // A data flow runs from the collection site to the sink, which is where the result is reported.
    return steps.map((step, index) => ({ location: { ...location(step.file, step.line, step.column), message: { text: step.note } }, nestingLevel: 0, executionOrder: index + 1 }));
  }
  return [
    { location: { ...location(finding.file, finding.line, finding.column), message: { text: 'reported here' } }, nestingLevel: 0 },
    ...steps.map((step, index) => ({ location: { ...location(step.file, step.line, step.column), message: { text: step.note } }, nestingLevel: index + 1 })),
  ];
}

function sarifRule(rule: RuleMeta) {
  const markdown = ruleDocs(rule.id);
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} ${rule.rationale}` },
    help: { text: markdownToText(markdown), markdown },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: {
      tags: ['privacy', 'security', rule.needsManifest ? 'policy' : 'annotation'],
      precision: rule.precision,
      'security-severity': rule.securitySeverity,
    },
  };
}

function ruleDocs(id: string): string {
  const file = path.join(PACKAGE_ROOT, 'docs', 'rules', `${id}.md`);
  const markdown = existsSync(file) ? readFileSync(file, 'utf8') : `# privlint/${id}\n\nSee ${id} in privlint's documentation.`;
  return absoluteLinks(markdown, `${DOCS_BASE_URL}/rules/${id}.md`);
}

/**
 * Rule docs link to each other relatively (`../annotations.md`), which works in the repository but
 * not in code scanning's rule help, shown outside it: resolve every relative link and image
 * against the page's address in the published docs. Code (fenced or inline) is left as it is.
 */
export function absoluteLinks(markdown: string, pageUrl: string): string {
  const resolve = (target: string) => (/^[a-z][a-z0-9+.-]*:/i.test(target) ? target : new URL(target, pageUrl).href);
  // An inline code span or a link (whose text may hold code): code is kept, link targets resolved.
  const token = /(`+)[^`]*?\1|(!?\[(?:[^\]`]|`[^`]*`)*\]\()([^)\s]+)((?:\s+"[^"]*")?\))/g;
  const prose = (line: string) =>
    line
      .replace(token, (whole: string, codeFence: string | undefined, open: string, target: string, close: string) => (codeFence ? whole : `${open}${resolve(target)}${close}`))
      .replace(/^(\s*\[[^\]]+\]:\s*)(\S+)/, (_, label: string, target: string) => `${label}${resolve(target)}`);
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
      if (marker && (fence === undefined || marker.startsWith(fence))) {
        fence = fence === undefined ? marker : undefined;
        return line;
      }
      return fence === undefined ? prose(line) : line;
    })
    .join('\n');
}

function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[a-z]*\n?/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+\s*/gm, '');
}

/** The repository root (where .git is) above `folder`, else the folder itself: GitHub wants repo-relative URIs. */
export function repositoryRoot(folder: string): string {
  return findRepositoryRoot(folder) ?? folder;
}

/** Serialise, refusing output GitHub would reject (too many results, too large). */
export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  const sarif = toSarif(result, options);
  const count = sarif.runs[0]!.results.length;
  if (count > GITHUB_MAX_RESULTS_PER_RUN) {
    throw new UserError(
      `the SARIF run would have ${count.toLocaleString('en')} results, over GitHub code scanning's limit of ${GITHUB_MAX_RESULTS_PER_RUN.toLocaleString('en')}; ` +
        'record today\'s findings with `privlint baseline` and scan with --baseline, or split the scan (--shard, several --category runs)',
    );
  }
  const text = `${JSON.stringify(sarif, null, 2)}\n`;
  const gzipped = gzipSync(text).length;
  if (gzipped > GITHUB_MAX_GZIPPED_BYTES) {
    throw new UserError(`the SARIF file would be ${(gzipped / 1024 / 1024).toFixed(1)} MB gzipped, over GitHub code scanning's 10 MB limit; use --baseline or split the scan`);
  }
  return text;
}
