import type { ViaStep } from '../link/inventory.js';

/**
 * A flow for one line of text output: consecutive steps in the same file collapse into one part
 * (`src/a.ts:14–17`). The first part says how the data was collected, the last how it left; a
 * part in between says how many steps it took there. JSON and SARIF keep every step.
 */
export function compactFlow(steps: readonly ViaStep[], shownFile: (file: string) => string): string[] {
  const runs: ViaStep[][] = [];
  for (const step of steps) {
    const run = runs.at(-1);
    if (run && run[0]!.file === step.file) run.push(step);
    else runs.push([step]);
  }
  return runs.map((run, index) => {
    const lines = run.map((step) => step.line);
    const [low, high] = [Math.min(...lines), Math.max(...lines)];
    const place = `${shownFile(run[0]!.file)}:${low === high ? low : `${low}–${high}`}`;
    const first = index === 0;
    const last = index === runs.length - 1;
    if (first && last) return run.length === 1 ? `${place} ${run[0]!.note}` : `${place} ${run[0]!.note} … ${run.at(-1)!.note}`;
    if (first) return `${place} ${run[0]!.note}`;
    if (last) return `${place} ${run.at(-1)!.note}`;
    return run.length === 1 ? `${place} ${run[0]!.note}` : `${place} (${run.length} steps)`;
  });
}
