import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// Storage objects are probes (catalog `probe: true`): the trait is whether they are there, not what the app keeps in them.
describe('a member of a probe used is not a read of the probe', () => {
  it('window.localStorage.getItem(key) returned to the caller is the app reading its own storage: no site', () => {
    const result = scanProject({
      'src/prefs.ts': [
        `export const lastFormat = () => window.localStorage.getItem('export.format');`,
        `export const save = (format: string) => window.sessionStorage.setItem('export.format', format);`,
        ``,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });

  it('the storage object itself handed on is still a read of the probe', () => {
    const result = scanProject({
      'src/storage.ts': `export const storage = () => window.localStorage;\n`,
    });
    expect(sites(result)).toEqual(['src/storage.ts:1 device.info localStorage']);
  });
});
