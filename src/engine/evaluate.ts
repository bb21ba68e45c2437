import path from 'node:path';
import { check } from '../check/check.js';
import type { Finding, SuppressedFinding } from '../check/finding.js';
import { applySuppressions } from '../check/suppress.js';
import { addFingerprints } from '../check/fingerprint.js';
import type { FileFacts } from '../detect/facts.js';
import { configureGuards } from '../link/guards.js';
import type { Inventory } from '../link/inventory.js';
import { DEFAULT_FLOW_BUDGET } from '../link/flows.js';
import { link } from '../link/link.js';
import { ModuleResolver } from '../project/resolve.js';
import { compareText } from '../util/order.js';
import { toPosixRelative } from '../util/paths.js';
import { guardSuggestion, type ProjectSetup } from './setup.js';
import { fingerprintContext } from './fingerprint-context.js';
import type { ProgressListener } from './analyze-files.js';
import type { Timings } from '../util/timings.js';

export interface Evaluation {
  inventory: Inventory;
  /** Findings not silenced by a privlint-disable comment. */
  findings: Finding[];
  /** Findings silenced inline, with their justification. */
  suppressed: SuppressedFinding[];
}

export interface EvaluateInput {
  setup: ProjectSetup;
  /** Facts per absolute file. */
  facts: ReadonlyMap<string, FileFacts>;
  /** Does a file exist (for module resolution)? */
  fileExists: (file: string) => boolean;
  /** A resolver over the same files that has answered before (analysis asked it): its answers are reused. */
  modules?: ModuleResolver;
  /** A line of a file (root-relative path), for fingerprints. */
  lineText: (file: string, line: number) => string;
  diagnostics?: Inventory['diagnostics'];
  /** Only some of the project's files are in `facts` (the editor): see LinkInput.partialProject. */
  partialProject?: boolean;
  timings?: Timings;
  onProgress?: ProgressListener;
}

/** Link the facts of all files and check them against the manifest: the part scan and the editor share. */
export function evaluate(input: EvaluateInput): Evaluation {
  const { setup } = input;
  // Linking follows files in path order, so paths chosen for flows never depend on which files
  // came from the cache or from which worker.
  const facts = new Map([...input.facts].sort(([a], [b]) => compareText(a, b)));
  const modules = input.modules ?? new ModuleResolver(input.fileExists, setup.aliases);
  const guards = configureGuards(setup.config.guards, setup.configFile ? path.dirname(setup.configFile) : setup.root, modules);
  input.onProgress?.('resolve');
  const linkStarted = performance.now();
  const inventory = link({
    root: setup.root,
    files: facts,
    modules,
    catalog: setup.catalog,
    guards,
    guardSpecs: setup.config.guards,
    diagnostics: [...setup.diagnostics, ...(input.diagnostics ?? [])],
    flowBudget: { ...DEFAULT_FLOW_BUDGET, ...setup.config.flows },
    ...(input.partialProject ? { partialProject: true } : {}),
    ...(input.timings ? { timings: input.timings } : {}),
    ...(setup.analyzeOptions.debug ? { debug: true } : {}),
  });
  input.timings?.add('resolve', performance.now() - linkStarted - (input.timings?.get('flows') ?? 0));
  input.onProgress?.('check');
  const checkStarted = performance.now();
  const raw = check(inventory, setup.manifest, {
    catalog: setup.catalog,
    ...(setup.manifest
      ? { manifestPath: toPosixRelative(setup.root, setup.manifest.file), manifestFile: toPosixRelative(setup.root, setup.manifest.file) }
      : {}),
    rules: setup.config.rules,
    guardCall: guardSuggestion(setup.config),
  });
  const suppressions = new Map([...facts].map(([file, facts]) => [toPosixRelative(setup.root, file), facts.suppressions] as const));
  const { active, suppressed } = applySuppressions(raw, suppressions, setup.config.rules);
  const fingerprints = fingerprintContext(setup, facts, input.lineText);
  const result = {
    inventory,
    findings: addFingerprints(active, fingerprints),
    suppressed: addFingerprints(suppressed, fingerprints) as SuppressedFinding[],
  };
  input.timings?.add('check', performance.now() - checkStarted);
  return result;
}
