import type { BaselineOutcome } from '../baseline/baseline.js';
import type { Finding, SuppressedFinding } from '../check/finding.js';
import type { PrivlintConfig } from '../config/types.js';
import type { Inventory } from '../link/inventory.js';
import type { Manifest } from '../manifest/types.js';
import type { DependencyListing } from '../link/dependencies.js';

/**
 * What a scan gives, on this thread or on workers, from the CLI, the server or the public API: the
 * one shape every reporter, export and post-processing step (baseline, --changed-only, shards)
 * reads. It sits below all of them and above what it is made of.
 */
export interface ScanResult {
  /** Absolute scan root: the folder scanned, or the common folder of the paths. */
  root: string;
  manifest?: Manifest;
  config: PrivlintConfig;
  /** Absolute paths of the files analysed. */
  files: string[];
  inventory: Inventory;
  /** Third-party runtime dependencies privlint does not recognise (absent when no scan of files made the result). */
  dependencies?: DependencyListing;
  /** Findings not silenced inline. */
  findings: Finding[];
  /** Findings silenced by privlint-disable comments (SARIF reports them with --include-suppressed). */
  suppressed: SuppressedFinding[];
  /** Set when findings were compared with a baseline (`findings` then holds only the new ones). */
  baseline?: BaselineOutcome;
}
