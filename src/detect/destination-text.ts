import type { Destination } from './facts.js';

// Destinations from text alone, without an AST: linking uses these without loading the parser.

/** The host of a URL, a bare host name, or a relative path; undefined for anything else. */
export function destinationOfText(text: string): Destination {
  const url = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/:?#\s]+)/i.exec(text);
  if (url) return { kind: 'host', host: url[1]!.toLowerCase() };
  if (text.startsWith('/') || text.startsWith('.') || text === '') return { kind: 'relative' };
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/|$)/i.test(text)) return { kind: 'host', host: text.split(/[/:]/)[0]!.toLowerCase() };
  return { kind: 'unknown' };
}

/** A region → host map from a constant map of hosts or URLs; non-region keys (default, global) become DEFAULT. */
export function byRegion(map: Record<string, string>): Destination {
  const hosts: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) {
    const destination = destinationOfText(value);
    if (destination.kind !== 'host') continue;
    const region = /^[a-z]{2}$/i.test(key) ? key.toUpperCase() : /^(default|global|other|rest|world|intl)$/i.test(key) ? 'DEFAULT' : undefined;
    if (region) hosts[region] = destination.host;
  }
  return Object.keys(hosts).length > 0 ? { kind: 'by-region', hosts } : { kind: 'unknown' };
}
