// The flow search counts its work instead of timing it: the same input gives the same bytes on a
// slow machine, and a large vendored library whose values go nowhere costs it next to nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { scan } from '../../src/scan.js';
import { writeProject } from '../helpers/temp-project.js';
import { vendoredLibrary } from '../helpers/vendored-library.js';
import { DEVICE } from './helpers.js';

const APP = {
  'src/track.ts': `${DEVICE}import * as Sentry from '@sentry/react-native';\nexport async function identify() {\n  const id = await DeviceInfo.getUniqueId();\n  const copy = id;\n  Sentry.setUser({ id: copy });\n}\n`,
  'src/report.ts': `${DEVICE}export async function report() {\n  const id = await DeviceInfo.getUniqueId();\n  await fetch('https://api.example.com/report', { method: 'POST', body: JSON.stringify({ id }) });\n}\n`,
};

/** A clock that jumps an hour every time it is read: every time budget runs out at once. */
function slowClock() {
  let hours = 0;
  const reading = () => ++hours * 3_600_000;
  vi.spyOn(Date, 'now').mockImplementation(reading);
  vi.spyOn(performance, 'now').mockImplementation(reading);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a deterministic flow search', () => {
  it('gives the same JSON bytes under a clock that crawls', () => {
    const root = writeProject({ ...APP, 'src/vendor/library.js': vendoredLibrary(2_000) });
    const normal = formatJson(scan({ cwd: root }));
    slowClock();
    const slowed = formatJson(scan({ cwd: root }));
    vi.restoreAllMocks();
    expect(slowed).toBe(normal);
    const report = JSON.parse(normal);
    expect(report.inventory.flows.map((flow: { sink: { file: string } }) => flow.sink.file)).toEqual(['src/report.ts', 'src/track.ts']);
    expect(report.diagnostics).toEqual([]);
  });

  it('searches a 10,000-line vendored library whose values go nowhere without cutting anything, within a small step budget', () => {
    const library = vendoredLibrary(10_000);
    expect(library.split('\n').length).toBeGreaterThanOrEqual(10_000);
    // A budget that a search wandering through the library's helpers would exhaust many times over.
    const root = writeProject({ ...APP, 'src/vendor/library.js': library, 'privlint.config.json': JSON.stringify({ flows: { maxVisits: 1_000 } }) });
    const started = performance.now();
    const result = scan({ cwd: root });
    // Measured, never asserted: tests do not assert wall-clock times.
    console.info(`flow search over a 10,000-line library: ${Math.round(performance.now() - started)} ms for the whole scan`);
    expect(result.inventory.collections.filter((site) => site.file === 'src/vendor/library.js').length).toBeGreaterThan(100);
    expect(result.inventory.flows.map((flow) => flow.sink.file)).toEqual(['src/report.ts', 'src/track.ts']);
    expect(result.inventory.diagnostics).toEqual([]);
  });
});
