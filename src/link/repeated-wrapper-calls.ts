import type { SdkCall } from './inventory.js';

/**
 * Calls of one wrapper in one file, reaching the same SDK API with the same consent keys, as one
 * inventory entry: the first, with the others' places in `alsoAt`. A helper called fifty times
 * (`logEvent(…)`, `reportError(…)`) tells a reviewer once per file that the file reaches the SDK
 * through it; each call on its own line adds nothing the first does not say. Such entries are
 * inventory only (no check judges them), and direct SDK calls, which are checked, stay one a place.
 * `calls` must be sorted by place.
 */
export function foldRepeatedWrapperCalls(calls: readonly SdkCall[]): SdkCall[] {
  const out: SdkCall[] = [];
  const first = new Map<string, SdkCall>();
  for (const call of calls) {
    if (!call.via) {
      out.push(call);
      continue;
    }
    const key = `${call.file}\0${call.callee}\0${call.api}\0${call.consentKeys.join(',')}`;
    const kept = first.get(key);
    if (!kept) {
      const copy = { ...call };
      first.set(key, copy);
      out.push(copy);
      continue;
    }
    (kept.alsoAt ??= []).push({ line: call.line, column: call.column });
  }
  return out;
}
