/** "default.getUniqueId", "default().getToken", "Geolocation.getCurrentPosition" — the catalog's path syntax. */
export function pathString(segments: readonly string[]): string {
  let out = '';
  for (const segment of segments) {
    if (segment === '()') out += '()';
    else out = out ? `${out}.${segment}` : segment;
  }
  return out;
}
