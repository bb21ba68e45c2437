/**
 * privlint's public API: what the CLI and the ESLint plugin are built from, for tools that want
 * the same answers in their own process. Everything else under src/ is internal and may change.
 */

// The whole job.
export { scan, type ScanOptions, type ScanResult } from './scan.js';
export { scanParallel, type ParallelScanOptions } from './scan-parallel.js';

// The policy manifest and the config.
export { findManifest, loadManifest, parseManifest, MANIFEST_FILE_NAMES, type ManifestResult } from './manifest/load.js';
export type { Manifest } from './manifest/types.js';
export type { Proposal } from './manifest/proposals.js';
export { findConfig, loadConfig, CONFIG_FILE_NAMES } from './config/load.js';
export type { PrivlintConfig } from './config/types.js';

// Rules and findings.
export { RULES, RULE_IDS, ruleMeta, type RuleMeta, type Severity } from './check/rules.js';
export type { Finding, FindingPart, Fix, SuppressedFinding, TextEdit } from './check/finding.js';
export { applyFixes, type FixOutcome } from './fix/apply-fixes.js';
export type { CollectionSite, ConsentCheck, DataFlow, Inventory, SdkUse } from './link/inventory.js';
export { listDependencies, type DependencyListing, type UnrecognisedDependency } from './link/dependencies.js';

// Reporters: a ScanResult in, text out.
export { formatText, type TextOptions } from './report/text.js';
export { formatJson, toJsonReport, JSON_SCHEMA_VERSION, type JsonReport } from './report/json.js';
export { formatSarif, toSarif, type SarifOptions } from './report/sarif.js';
export { formatHtml } from './report/html.js';
export { formatMarkdownReport } from './report/markdown-report.js';

// Problems a user can fix (exit code 2 in the CLI).
export { UserError, formatProblem, type Problem } from './util/problem.js';
