import { describe, expect, it } from 'vitest';
import { closeMatches, closestMatch } from '../../src/util/did-you-mean.js';

describe('closeMatches: the candidates a typo may mean (a fix is certain only when there is one)', () => {
  it('lists every candidate within closestMatch\'s distance, closest first', () => {
    expect(closeMatches('analytcs', ['analytics', 'diagnostics', 'advertising'])).toEqual(['analytics']);
    expect(closeMatches('cats', ['cars', 'bats', 'dogs'])).toEqual(['cars', 'bats']);
    expect(closeMatches('tracking', ['analytics', 'marketing'])).toEqual([]);
  });

  it('agrees with closestMatch on the closest', () => {
    for (const word of ['analytcs', 'marketting', 'fraud_prevent', 'diagnostic']) {
      const candidates = ['analytics', 'marketing', 'fraud_prevention', 'diagnostics'];
      expect(closeMatches(word, candidates)[0]).toBe(closestMatch(word, candidates));
    }
  });
});
