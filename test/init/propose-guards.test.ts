// The consent guards privlint init proposes for privlint.config.json, from the guard calls linking saw.
import { describe, expect, it } from 'vitest';
import { proposeGuards } from '../../src/init/propose-guards.js';
import type { ConsentCheck } from '../../src/link/inventory.js';

const check = (callee: string, args: (string | null)[] = [], extra: Partial<ConsentCheck> = {}): ConsentCheck => ({ file: 'src/a.ts', callee, args, test: false, keys: [], ...extra });

describe('proposeGuards', () => {
  it('a consent-named function with a key argument, a member path, a fixed-key predicate, a catalog guard', () => {
    const guards = proposeGuards([
      check('hasConsent', ['ads']),
      check('hasConsent', ['analytics']),
      check('consentStore?.isGranted', ['analytics']),
      check('consent.allows', [null, 'ads']),
      check('canShowAds'),
      check('getTrackingPermissionsAsync', [], { test: true, catalogGuard: 'expo-tracking-transparency', keys: ['tracking'] }),
    ]);
    expect(guards.map((guard) => guard.spec)).toEqual([
      { call: 'hasConsent', keyArgument: 0 },
      { member: 'consentStore.isGranted', keyArgument: 0 },
      { member: 'consent.allows', keyArgument: 1 },
      { call: 'canShowAds', key: 'ads' },
      { catalog: 'expo-tracking-transparency' },
    ]);
    expect(guards.map((guard) => guard.label)).toEqual([
      'hasConsent(key)',
      'consentStore.isGranted(key)',
      'consent.allows(…, key)',
      'canShowAds() for "ads"',
      'expo-tracking-transparency (a consent-management API privlint knows)',
    ]);
  });

  it('near-misses: not a consent check by name, no key to find, already understood, a value test, a call chain', () => {
    expect(
      proposeGuards([
        check('isLoggedIn'),
        check('featureEnabled', ['new_checkout']),
        check('hasConsent'),
        check('hasConsent', ['ads'], { keys: ['ads'] }),
        check('consentInfo.status', [], { test: true }),
        check('useConsent().has', ['ads']),
        check('requestPermission', ['location']),
      ]),
    ).toEqual([]);
  });
});
