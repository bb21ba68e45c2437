import type { GuardSpec } from '../catalog/types.js';
import type { ConsentCheck } from '../link/inventory.js';

// The consent guards `privlint init` proposes for privlint.config.json: the calls the code tests
// before it collects or calls an SDK, when their names say they check consent (`hasConsent('ads')`,
// `consentStore.isGranted('analytics')`, `canShowAds()`), and the consent-management APIs of the
// catalog (guards.yaml) the code already uses.

/** Names that say "consent check". */
const CONSENT_NAME = /consent|gdpr|ccpa|privacy|tracking|cantrack|opt_?in|optedin|granted|cookie|tcf|cmp/i;
/** A predicate (`canShowAds`, `mayTrack`) whose words name what it allows. */
const PREDICATE = /(^|\.)(can|may|should|allow)[A-Z_]/;

/** Words in a guard's name → the consent key it proves when no argument names one. */
const KEY_WORDS: readonly [RegExp, string][] = [
  [/ads?(?![a-z])|advert/i, 'ads'],
  [/analytic|stats|statistic/i, 'analytics'],
  [/track/i, 'tracking'],
  [/marketing|newsletter/i, 'marketing'],
  [/personali[sz]/i, 'personalization'],
  [/crash|diagnostic/i, 'diagnostics'],
];

const VALID_KEY = /^[a-z][a-z0-9_]*$/;
const NAME_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export interface ProposedGuard {
  spec: GuardSpec;
  /** How it reads in a summary: `hasConsent(key)`, `canShowAds() for "ads"`, `onetrust (catalog)`. */
  label: string;
}

/**
 * The guards to configure: a catalog guard once by id; a guard function of the project once by
 * name, with the argument that holds its key (the first string literal that is a valid key) or the
 * key its name says. Calls privlint already understands (a configured guard, a function tagged
 * `@privacy-consent`) and value tests are left out: they need no entry.
 */
export function proposeGuards(checks: readonly ConsentCheck[]): ProposedGuard[] {
  const out = new Map<string, ProposedGuard>();
  for (const check of checks) {
    if (check.catalogGuard) {
      out.set(`catalog:${check.catalogGuard}`, { spec: { catalog: check.catalogGuard }, label: `${check.catalogGuard} (a consent-management API privlint knows)` });
      continue;
    }
    if (check.keys.length > 0 || check.test) continue;
    const name = check.callee.replace(/\?\.(?=[(])/g, '').replace(/\?\./g, '.');
    if (!NAME_PATH.test(name) || !(CONSENT_NAME.test(name) || PREDICATE.test(name))) continue;
    if (out.has(`code:${name}`)) continue;
    const keyArgument = check.args.findIndex((arg) => arg !== null && VALID_KEY.test(arg));
    const named = KEY_WORDS.find(([words]) => words.test(name.split('.').pop()!))?.[1];
    const key = keyArgument >= 0 ? undefined : named;
    if (keyArgument < 0 && !key) continue;
    const target = name.includes('.') ? { member: name } : { call: name };
    const spec = (keyArgument >= 0 ? { ...target, keyArgument } : { ...target, key: key! }) as GuardSpec;
    const label = keyArgument >= 0 ? `${name}(${'…, '.repeat(keyArgument)}key)` : `${name}() for "${key}"`;
    out.set(`code:${name}`, { spec, label });
  }
  return [...out.values()];
}
