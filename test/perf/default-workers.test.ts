import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultWorkerCount, MANY_FILES } from '../../src/engine/worker-pool.js';

describe('the default number of analysis threads (measured in bench/README.md)', () => {
  it('leaves one core free below MANY_FILES, and uses every core from there on', () => {
    expect(defaultWorkerCount(2000, 2)).toBe(1); // on two cores a 2,000-file scan runs on the main thread alone
    expect(defaultWorkerCount(MANY_FILES, 2)).toBe(2);
    expect(defaultWorkerCount(2000, 4)).toBe(3);
    expect(defaultWorkerCount(20_000, 4)).toBe(4);
  });

  it('never goes below one or above four', () => {
    expect(defaultWorkerCount(10, 1)).toBe(1);
    expect(defaultWorkerCount(50_000, 1)).toBe(1);
    expect(defaultWorkerCount(10, 16)).toBe(4);
    expect(defaultWorkerCount(50_000, 16)).toBe(4);
  });

  it("counts this machine's cores when not told", () => {
    expect(defaultWorkerCount(50_000)).toBe(defaultWorkerCount(50_000, availableParallelism()));
    expect(defaultWorkerCount(10)).toBe(defaultWorkerCount(10, availableParallelism()));
  });
});
