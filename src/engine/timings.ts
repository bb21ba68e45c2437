/** Phases of a scan, in the order `--timing` prints them. */
export const PHASES = ['git', 'setup', 'discover', 'read', 'parse', 'detect', 'link', 'flows', 'check', 'report'] as const;
export type Phase = (typeof PHASES)[number];

/** Wall time per phase (worker time is summed across workers, so it can exceed wall time). */
export class Timings {
  private readonly totals = new Map<Phase, number>();

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

  /** A small table for stderr. */
  format(): string {
    const rows = PHASES.filter((phase) => this.totals.has(phase)).map((phase) => `  ${phase.padEnd(9)} ${this.get(phase).toFixed(0).padStart(7)} ms`);
    return ['privlint timing (parse and detect are summed over workers):', ...rows].join('\n');
  }
}
