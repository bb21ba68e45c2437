import { describe, expect, it, vi } from 'vitest';

const cores = vi.hoisted(() => ({ count: 2 }));
vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof import('node:os')>();
  return { ...os, default: { ...os, availableParallelism: () => cores.count }, availableParallelism: () => cores.count };
});

const { defaultWorkerCount, MANY_FILES } = await import('../../src/engine/worker-pool.js');

describe('the default number of analysis threads (measured in bench/README.md)', () => {
  it('leaves one core free below MANY_FILES, and uses every core from there on', () => {
    cores.count = 2;
    expect(defaultWorkerCount(2000)).toBe(1); // on two cores a 2,000-file scan runs on the main thread alone
    expect(defaultWorkerCount(MANY_FILES)).toBe(2);
    cores.count = 4;
    expect(defaultWorkerCount(2000)).toBe(3);
    expect(defaultWorkerCount(20_000)).toBe(4);
  });

  it('never goes below one or above four', () => {
    cores.count = 1;
    expect(defaultWorkerCount(10)).toBe(1);
    expect(defaultWorkerCount(50_000)).toBe(1);
    cores.count = 16;
    expect(defaultWorkerCount(10)).toBe(4);
    expect(defaultWorkerCount(50_000)).toBe(4);
  });
});
