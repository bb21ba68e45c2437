import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

// A catalogued call that hands its value to a callback is the site; where the callback passes that
// value on (into an object, a call, an assignment) is shown as a `via` step.
const lines = (...source: string[]) => source.join('\n') + '\n';
const steps = (files: Record<string, string>) =>
  scanProject(files).inventory.collections.map((site) => `${site.file}:${site.line} ${site.api} via ${site.via.map((step) => `${step.line}: ${step.note}`).join(' / ')}`);

describe('a callback handed a catalogued value', () => {
  it('shows where the callback passes the value on, through a local name for a member of it', () => {
    expect(
      steps({
        'src/geo.ts': lines(
          `let context: unknown;`,
          `export function enable() {`,
          `  navigator.geolocation.getCurrentPosition(function (position) {`,
          `    const coords = position.coords;`,
          `    if (!coords) return;`,
          `    context = {`,
          `      kind: 'geo',`,
          `      lat: coords.latitude,`,
          `      lng: coords.longitude,`,
          `    };`,
          `  });`,
          `}`,
          `export const current = () => context;`,
        ),
      }),
    ).toEqual(['src/geo.ts:3 navigator.geolocation.getCurrentPosition via 8: the callback passes its value on here (coords.latitude)']);
  });

  it('a destructured parameter is the value; the error callback after it is not', () => {
    expect(
      steps({
        'src/near.ts': lines(
          `declare function load(lat: string, lng: string): void;`,
          `declare function warn(code: number): void;`,
          `export function near() {`,
          `  navigator.geolocation.getCurrentPosition(`,
          `    ({ coords }) => {`,
          `      if (coords.accuracy > 1000) return;`,
          `      load(coords.latitude.toFixed(2), coords.longitude.toFixed(2));`,
          `    },`,
          `    (error) => warn(error.code),`,
          `  );`,
          `}`,
        ),
      }),
    ).toEqual(['src/near.ts:4 navigator.geolocation.getCurrentPosition via 7: the callback passes its value on here (coords.latitude.toFixed(2))']);
  });

  it('a callback that only tests the value, or uses it on the call line, has no such step', () => {
    expect(
      steps({
        'src/geo.ts': lines(
          `declare function show(value: unknown): void;`,
          `export function check() {`,
          `  navigator.geolocation.getCurrentPosition((position) => {`,
          `    if (position.coords.accuracy > 100) show('inaccurate');`,
          `  });`,
          `  navigator.geolocation.watchPosition((p) => show(p.coords));`,
          `}`,
        ),
      }),
    ).toEqual(['src/geo.ts:3 navigator.geolocation.getCurrentPosition via ', 'src/geo.ts:6 navigator.geolocation.watchPosition via ']);
  });
});
