/**
 * Phases of a scan, in the order `--timing` prints them: reading git's view of the changes (for
 * --staged / --changed-since), loading config, manifest and catalog, finding the files, reading and
 * writing the cache, reading the files, parsing them, detecting what they collect and call, waiting
 * for worker threads, resolving references across files (imports, re-exports, wrappers, guards),
 * following data flows, checking against the manifest, rendering and writing the report.
 */
export const PHASES = ['git', 'setup', 'discover', 'cache', 'read', 'parse', 'detect', 'workers', 'resolve', 'flows', 'check', 'report'] as const;
export type Phase = (typeof PHASES)[number];

/** Wall time per phase (worker time is summed across workers, so it can exceed wall time). */
export class Timings {
  private readonly totals = new Map<Phase, number>();
  private readonly started = performance.now();

  /** `origin`: when the command began on this process's clock — 0, the process's start, unless a server runs it. */
  constructor(private readonly origin = 0) {}

  add(phase: Phase, milliseconds: number): void {
    this.totals.set(phase, (this.totals.get(phase) ?? 0) + milliseconds);
  }

  measure<T>(phase: Phase, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  async measureAsync<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  get(phase: Phase): number {
    return this.totals.get(phase) ?? 0;
  }

  /**
   * A small table for stderr: first the start-up (from the origin, the process's start, until these
   * timings were created: Node and privlint's own modules), last the wall time since the origin.
   */
  format(): string {
    const row = (name: string, milliseconds: number) => `  ${name.padEnd(9)} ${milliseconds.toFixed(0).padStart(7)} ms`;
    const rows = PHASES.filter((phase) => this.totals.has(phase)).map((phase) => row(phase, this.get(phase)));
    return [
      'privlint timing (parse and detect are summed over threads; workers is the wait for them):',
      row('start-up', this.started - this.origin),
      ...rows,
      row('total', performance.now() - this.origin),
    ].join('\n');
  }
}
