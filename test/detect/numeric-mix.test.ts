import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A low-confidence read combined in arithmetic with another computed number leaves its function as a
// new quantity (a layout size, a shifted time), not as itself (numeric-mix.ts, containment.ts).
describe('a low-confidence read mixed into another quantity is not a collection site', () => {
  it('a time-zone offset added to times of a range is not reported', () => {
    const result = scanProject({
      'src/range.ts': [
        `export const toSeconds = (hours: number[]) => {`,
        `  const offsetInMinutes = new Date().getTimezoneOffset();`,
        `  return hours.map((hour) => {`,
        `    const seconds = hour * 60 * 60;`,
        `    const offsetInSeconds = offsetInMinutes * 60;`,
        `    return seconds + offsetInSeconds;`,
        `  });`,
        `};`,
        ``,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });

  it('the offset itself returned, in other units or joined to text, is reported', () => {
    const result = scanProject({
      'src/zone.ts': [
        `export const offsetSeconds = () => new Date().getTimezoneOffset() * 60;`,
        `export const zoneLabel = (prefix: string) => prefix + new Date().getTimezoneOffset();`,
        ``,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/zone.ts:1 device.info Date().getTimezoneOffset', 'src/zone.ts:2 device.info Date().getTimezoneOffset']);
  });
});
