import type { RecordedSource } from './containment.js';

/** Signals of this many distinct groups read in one file make that file fingerprint (docs/fingerprinting.md). */
export const FINGERPRINT_GROUPS_THRESHOLD = 3;

/**
 * The combination rule: a file that reads fingerprinting signals of several groups (screen,
 * navigator, canvas, WebGL, audio, fonts …) is fingerprinting, and every signal read there is then
 * `device.fingerprint`, whatever its entry says alone (a lone `navigator.language` is device.info).
 * Signals whose value never leaves their function (containment.ts) are not counted.
 */
export function readsFingerprint(sources: readonly RecordedSource[]): boolean {
  const groups = new Set<string>();
  for (const source of sources) if (source.api.signal !== undefined) groups.add(source.api.signal);
  return groups.size >= FINGERPRINT_GROUPS_THRESHOLD;
}
