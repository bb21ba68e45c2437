import type { GuardSpec } from '../catalog/types.js';
import type { SourcePosition } from '../util/problem.js';

/** A rule's level after loading: privlint's words (ESLint's are translated by config/severity-words.ts). */
export type SeverityOverride = 'error' | 'warning' | 'note' | 'off';

/** privlint.config.json / .yaml, validated. Paths are absolute. */
export interface PrivlintConfig {
  /** The config file, when there is one. */
  file?: string;
  manifest?: string;
  /** Where `manifest` is written in the config, for messages. */
  manifestAt?: SourcePosition;
  ignore: string[];
  /** Scan test code (test files and folders, mocks, stories) too; left out by default. */
  tests?: boolean;
  guards: GuardSpec[];
  requestParameterNames?: string[];
  rules: Record<string, SeverityOverride>;
  /** Data-flow budgets (defaults in src/link/flows.ts). */
  flows?: { maxSteps?: number; maxVisits?: number };
  /** Settings accepted but no longer read, where they are written: a scan notes them. */
  obsolete?: { line: number; column: number; message: string }[];
  /** Catalog extensions: documents of the same shape as src/catalog/data files. */
  catalog?: unknown;
}

export const EMPTY_CONFIG: PrivlintConfig = { ignore: [], guards: [], rules: {} };
