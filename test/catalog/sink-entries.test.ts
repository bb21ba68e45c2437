import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { CatalogIndex } from '../../src/catalog/match.js';

describe('two sink entries for one module', () => {
  it('are one sink with the calls of both: a second entry adds calls instead of hiding the first', () => {
    const extension = { sinks: [{ module: 'firebase/analytics', calls: ['setConsent'] }] };
    const index = new CatalogIndex(loadCatalog([extension]));
    expect(index.moduleSink('firebase/analytics', 'logEvent')?.call.name).toBe('logEvent');
    expect(index.moduleSink('firebase/analytics', 'setConsent')?.call.name).toBe('setConsent');
    expect(index.moduleSink('firebase/analytics', 'getAnalytics')).toBeUndefined();
  });
});
