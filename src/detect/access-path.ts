/**
 * "default.getUniqueId", "default().getToken", "Geolocation.getCurrentPosition" — the catalog's
 * path syntax; `=>A:P` (parameter P of the callback passed as argument A) follows its call directly.
 */
export function pathString(segments: readonly string[]): string {
  let out = '';
  for (const segment of segments) {
    if (segment === '()' || segment.startsWith('=>')) out += segment;
    else out = out ? `${out}.${segment}` : segment;
  }
  return out;
}
