import type { CatalogGuard, GuardSpec } from '../catalog/types.js';
import type { GuardCall, SiteContext, SwitchSite } from '../detect/facts.js';
import type { SwitchNote } from './inventory.js';
import { mappedGuardKey } from './guards.js';

const KEY_PLACEHOLDER = '{key}';

/** What linking asks about a switch's file: its guards' keys, and the keys a site is guarded by. */
export interface SwitchContext {
  guardCallKeys(file: string, guard: GuardCall): string[];
  siteKeys(file: string, context: SiteContext): Set<string>;
  relative(file: string): string;
}

/** The collection switches found for an SDK, and the consent keys they prove for its every call. */
export interface SdkSwitches {
  /** Without those of a guard whose switch turns collection on for everyone (a literal `true` outside any consent check). */
  keys: string[];
  notes: SwitchNote[];
}

/**
 * The switches of every file, by SDK id. A switch proves: the keys its value is made of
 * (`setAnalyticsCollectionEnabled(await hasConsent('analytics'))`), else the catalog's key for the
 * user's preference (or, for Consent Mode, each consent type set to 'denied'); a switch set to
 * `true` proves the keys its call is guarded by, and nothing when unguarded — then collection is on
 * for everyone, whatever the other switches say.
 */
export function switchesBySdk(
  files: Iterable<[string, readonly SwitchSite[]]>,
  guards: ReadonlyMap<string, CatalogGuard>,
  specs: readonly GuardSpec[],
  context: SwitchContext,
): Map<string, SdkSwitches> {
  const out = new Map<string, SdkSwitches>();
  for (const [file, sites] of files) {
    for (const site of sites) {
      const guard = guards.get(site.guardId);
      const collectionSwitch = guard?.switches[site.switchIndex];
      if (!guard || !collectionSwitch) continue;
      const template = collectionSwitch.key ?? guard.key ?? KEY_PLACEHOLDER;
      const fixed = (vendorKey?: string): string[] =>
        template.includes(KEY_PLACEHOLDER) && vendorKey === undefined ? [] : [mappedGuardKey(guard.id, template.replace(KEY_PLACEHOLDER, vendorKey ?? ''), specs)];
      let keys: string[];
      if (site.value === 'on') keys = [...context.siteKeys(file, site)];
      else if (site.value === 'off') keys = site.keys ? site.keys.flatMap((key) => fixed(key)) : fixed();
      else {
        const carried = (site.valueGuards ?? []).flatMap((call) => context.guardCallKeys(file, call));
        keys = carried.length > 0 ? carried : fixed();
      }
      const note: SwitchNote = { guard: guard.id, callee: site.callee, file: context.relative(file), line: site.range.line, value: site.value, keys: [...new Set(keys)].sort() };
      for (const sdk of site.sdks) {
        const entry = out.get(sdk) ?? { keys: [], notes: [] };
        entry.notes.push(note);
        out.set(sdk, entry);
      }
    }
  }
  // A switch set to true for everyone overrides what the other calls of its guard's switches set
  // (`setAnalyticsCollectionEnabled(true)` after `(false)`, `opt_in_tracking()` after `opt_out_tracking()`).
  for (const entry of out.values()) {
    const forcedOn = new Set(entry.notes.filter(isForcedOn).map((note) => note.guard));
    entry.keys = [...new Set(entry.notes.filter((note) => !forcedOn.has(note.guard)).flatMap((note) => note.keys))].sort();
  }
  return out;
}

/** A switch set to true (or a callback that never refuses) outside any consent check. */
export function isForcedOn(note: SwitchNote): boolean {
  return note.value === 'on' && note.keys.length === 0;
}
