import type { CatalogGuard, GuardCheck } from './types.js';

/**
 * A value a condition tested, as detection saw it: where its access path starts (a module or a
 * global), the path in catalog syntax (`AdsConsent.getConsentInfo().canRequestAds`,
 * `__tcfapi()=>2:0.purpose.consents.1`), the string arguments of the path's last call, and the
 * literal it was compared with (`=== 'granted'`), if any.
 */
export interface TestedValue {
  module?: string;
  path: string;
  args: readonly (string | null)[];
  equals?: string | number | boolean;
  /** The condition holds when the value is falsy (or differs from `equals`): an opt-out signal's test. */
  negated?: boolean;
}

/** A catalog guard that a tested value satisfies, and the consent key it proves. */
export interface GuardMatch {
  guardId: string;
  key: string;
}

interface CompiledCheck {
  guard: CatalogGuard;
  check: GuardCheck;
  pattern: RegExp;
}

const KEY_PLACEHOLDER = '{key}';

/** Catalog guards compiled once per catalog: path patterns with `{key}` as a capture. */
export class GuardMatcher {
  private readonly checks: CompiledCheck[];

  constructor(guards: readonly CatalogGuard[]) {
    this.checks = guards.flatMap((guard) => guard.checks.map((check) => ({ guard, check, pattern: pathPattern(check.path) })));
  }

  /** Every key the tested value proves; [] when no catalog guard describes it. */
  match(value: TestedValue): GuardMatch[] {
    const out: GuardMatch[] = [];
    for (const { guard, check, pattern } of this.checks) {
      if ((check.module ?? undefined) !== (value.module ?? undefined)) continue;
      if (check.equals !== value.equals) continue;
      if ((check.negated ?? false) !== (value.negated ?? false)) continue;
      const matched = pattern.exec(value.path);
      if (!matched) continue;
      if (!argumentsFit(check, value.args)) continue;
      const vendorKey = matched[1] ?? (check.keyArgument !== undefined ? (value.args[check.keyArgument] ?? undefined) : undefined);
      const template = check.key ?? guard.key ?? KEY_PLACEHOLDER;
      if (template.includes(KEY_PLACEHOLDER) && vendorKey === undefined) continue;
      out.push({ guardId: guard.id, key: vendorKey === undefined ? template : template.replace(KEY_PLACEHOLDER, vendorKey) });
    }
    return out;
  }
}

function argumentsFit(check: GuardCheck, args: readonly (string | null)[]): boolean {
  for (const [position, allowed] of Object.entries(check.args ?? {})) {
    const actual = args[Number(position)];
    if (actual === null || actual === undefined || !allowed.includes(actual)) return false;
  }
  return true;
}

function pathPattern(path: string): RegExp {
  const parts = path.split(KEY_PLACEHOLDER).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('([^.()]+)')}$`);
}

/** Whether a call at `path` of `module` (or a global path) belongs to a consent-management API. */
export function isConsentApiCall(guards: readonly CatalogGuard[], module: string | undefined, path: string): boolean {
  return guards.some((guard) =>
    guard.consentApis.some(
      (api) => (api.module ?? undefined) === module && (path === api.path || path.startsWith(`${api.path}.`) || path.startsWith(`${api.path}(`)),
    ),
  );
}
