import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// `'name' in object` is a read of object.name whose answer is a yes/no (docs/fingerprinting.md):
// a feature test in everyday code, a trait where a fingerprint combines it.

describe("presence tests with 'in'", () => {
  it("'ontouchstart' in window beside two other signal groups is a fingerprint component", () => {
    const result = scanProject({
      'traits.ts': [
        `export function traits() {`,
        `  const touchStart = 'ontouchstart' in window;`,
        `  return { touchStart, agent: navigator.userAgent, cores: navigator.hardwareConcurrency };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'traits.ts:2 device.fingerprint ontouchstart',
      'traits.ts:3 device.fingerprint navigator.userAgent',
      'traits.ts:3 device.fingerprint navigator.hardwareConcurrency',
    ]);
  });

  it('near miss: a touch feature test returned on its own, and `in` on a plain object, are not reported', () => {
    const result = scanProject({
      'touch.ts': [
        `export const isTouch = () => 'ontouchstart' in window;`,
        `export function hasKey(settings: Record<string, string>) {`,
        `  return 'ontouchstart' in settings;`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});
