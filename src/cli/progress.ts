import type { Phase } from '../util/timings.js';
import type { CliIO } from './io.js';

/** A scan that finishes within this long shows no progress at all (no flicker on small projects). */
export const PROGRESS_DELAY_MS = 700;
/** Redraw at most this often. */
const REDRAW_MS = 100;

const LABELS: Record<Phase, string> = {
  git: 'reading the git changes',
  setup: 'loading config and manifest',
  discover: 'finding files',
  cache: 'reading the cache',
  read: 'reading files',
  parse: 'analysing',
  detect: 'analysing',
  workers: 'analysing',
  resolve: 'resolving references and data flows',
  flows: 'following data flows',
  check: 'checking against the manifest',
  report: 'writing the report',
};

export interface Progress {
  update: (phase: Phase, done?: number, total?: number) => void;
  done(): void;
}

/**
 * One stderr line that says what a long scan is doing — "privlint: analysing 120/2055 files" — on a
 * terminal only, never with --quiet, and only once the scan has run for a moment; erased when done.
 */
export function createProgress(io: CliIO, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || !io.stderrIsTTY) return { update: () => {}, done: () => {} };
  const started = now();
  let drawn = 0;
  let shown = false;
  let label = '';
  return {
    update(phase, done, total) {
      const time = now();
      if (time - started < PROGRESS_DELAY_MS) return;
      // A new phase is shown at once; counts within a phase at most every REDRAW_MS.
      const samePhase = LABELS[phase] === label;
      if (samePhase && time - drawn < REDRAW_MS && done !== total) return;
      drawn = time;
      label = LABELS[phase];
      shown = true;
      io.stderr(`\r\x1b[Kprivlint: ${label}${total !== undefined ? ` ${done ?? 0}/${total} files` : ''}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
