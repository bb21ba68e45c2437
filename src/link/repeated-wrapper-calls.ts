import { compareByPlace } from '../util/order.js';
import type { SdkCall } from './inventory.js';

/**
 * Calls of wrappers in one file that reach one and the same SDK call with the same consent keys, as
 * one inventory entry: the first, with the others' places in `alsoAt`. A helper called fifty times
 * (`logEvent(…)`, `reportError(…)`), or an analytics object's fifty methods that all end in its one
 * `logEvent` (`analytics.logLogin()`, `analytics.logShare()`), tells a reviewer once per file that the
 * file reaches the SDK there; each call on its own line adds nothing the first does not say. Such entries are
 * inventory only (no check judges them), and direct SDK calls, which are checked, stay one a place.
 * A wrapper's call whose chain passes through another listed call of the same API in the same file
 * (`launch()` → `trackStats()` → `track()`, or `report()` → `Sentry.captureException()`, all in one
 * file) is a place of that deeper call: the file already shows it reaches the SDK there. `calls` must be sorted by place.
 */
export function foldRepeatedWrapperCalls(calls: readonly SdkCall[]): SdkCall[] {
  const out: SdkCall[] = [];
  const first = new Map<string, SdkCall>();
  const kept = (call: SdkCall): SdkCall => {
    // A wrapper's call by the SDK call its chain ends in; a direct call by its own place (one entry each).
    const end = call.via?.at(-1) ?? call;
    const key = `${call.file}\0${call.via ? 'via' : 'direct'}\0${end.file}:${end.line}:${end.column}\0${call.api}\0${call.consentKeys.join(',')}`;
    const found = first.get(key);
    if (found) return found;
    const copy = { ...call };
    first.set(key, copy);
    out.push(copy);
    return copy;
  };
  const deeper = deeperCalls(calls);
  for (const call of calls) {
    if (!call.via) {
      kept(call);
      continue;
    }
    const target = deeper.get(call);
    const entry = kept(target ?? call);
    if (entry.line === call.line && entry.column === call.column && entry.file === call.file) continue;
    (entry.alsoAt ??= []).push({ line: call.line, column: call.column });
  }
  // A deeper call may be listed before its own place was reached: keep places in order.
  for (const call of out) call.alsoAt?.sort((a, b) => a.line - b.line || a.column - b.column);
  return out.sort(compareByPlace);
}

/**
 * For a wrapper's call: the listed call (same file, API and consent keys) nearest the SDK on its
 * chain, followed down while that call has one too. It may be a direct call: that call stays its own
 * checked entry and only gains the wrapper call's place in its alsoAt.
 */
function deeperCalls(calls: readonly SdkCall[]): Map<SdkCall, SdkCall> {
  const at = new Map<string, SdkCall>();
  const place = (file: string, line: number, call: SdkCall) => `${file}\0${line}\0${call.api}\0${call.consentKeys.join(',')}`;
  for (const call of calls) if (!at.has(place(call.file, call.line, call))) at.set(place(call.file, call.line, call), call);
  const step = (call: SdkCall): SdkCall | undefined => {
    const via = call.via ?? [];
    for (let i = via.length - 1; i >= 0; i--) {
      const hop = via[i];
      if (hop?.file !== call.file || hop.line === call.line) continue;
      const found = at.get(place(hop.file, hop.line, call));
      if (found && found !== call) return found;
    }
    return undefined;
  };
  const out = new Map<SdkCall, SdkCall>();
  for (const call of calls) {
    let target = step(call);
    for (let guard = 0; target && guard < 8; guard++) {
      const next = step(target);
      if (!next || next === call) break;
      target = next;
    }
    if (target) out.set(call, target);
  }
  return out;
}
