import type { CliIO } from './io.js';

/**
 * "privlint: analysing 120/2055 files" on one stderr line while a scan runs, only on a terminal
 * and never with --quiet; redrawn at most every 100 ms and erased when done.
 */
export function createProgress(io: CliIO, enabled: boolean) {
  if (!enabled || !io.stderrIsTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(phase: string, done: number, total: number) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      io.stderr(`\r\x1b[Kprivlint: ${phase} ${done}/${total} files`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
