import type { CatalogIndex } from '../catalog/match.js';

/**
 * What a file's text says without parsing it: the modules it loads, the identifiers it mentions.
 * A few regular expressions over the text cost a small fraction of a parse; they decide which files
 * the editor analyses at all (the ESLint plugin must add little to a plain ESLint run).
 * Everything here over-approximates — words in comments and strings count — so a file that
 * matters is never skipped; a file that does not may be analysed for nothing.
 */
export interface TextScan {
  /** Module specifiers of import / export … from / import() / require(). */
  specifiers: { specifier: string; reexport: boolean }[];
  identifiers: ReadonlySet<string>;
  /** Mentions privlint's annotations or suppressions (@privacy-…, privlint-disable…). */
  markers: boolean;
  /** The text, for patterns that need more than the identifiers. */
  text: string;
}

const SPECIFIER =
  /\b(import|export)\s[^'";]*?\bfrom\s*(['"])([^'"\n]+)\2|\bimport\s*(['"])([^'"\n]+)\4|\b(?:import|require)\s*\(\s*(['"`])([^'"`\n]+)\6\s*\)/g;
const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

const globalPatterns = new WeakMap<CatalogIndex, Record<string, RegExp>>();
/**
 * Any of a catalog's global roots as a name in code (`navigator.geolocation`, `fbq(…)`, `const { uuid } = device`),
 * not inside a module path or a word of a string (`'./device'`, `'react-native-device-info'`).
 */
function globalsPattern(catalog: CatalogIndex, kind: 'collectingGlobals' | 'sendingGlobals'): RegExp {
  let patterns = globalPatterns.get(catalog);
  if (!patterns) {
    patterns = {};
    globalPatterns.set(catalog, patterns);
  }
  const names = [...catalog[kind]];
  patterns[kind] ??= names.length === 0 ? /(?!)/ : new RegExp(`(?<![\\w$'"/@-])(?:${names.map(escapeRegExp).join('|')})(?![\\w$'"/-])`);
  return patterns[kind];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const routePatterns = new WeakMap<CatalogIndex, RegExp>();
/** A route handler exported by name (`export async function GET(request)`, `export const POST = …`): its first parameter is a request. */
function routeExportPattern(catalog: CatalogIndex): RegExp {
  let pattern = routePatterns.get(catalog);
  if (!pattern) {
    const names = [...catalog.models.routeExportNames].map(escapeRegExp).join('|');
    pattern = names ? new RegExp(`\\bexport\\s+(?:async\\s+)?(?:function\\*?|const|let|var)\\s+(?:${names})\\b`) : /(?!)/;
    routePatterns.set(catalog, pattern);
  }
  return pattern;
}

const requestPatterns = new Map<string, RegExp>();
/**
 * A request parameter name used as a value (`req.ip`, `(request: Request)`, `= ctx`), not as a
 * member (`this.request`) or a function being declared or called (`request<T>(…)`, `request(url)`).
 */
function requestNamePattern(names: readonly string[]): RegExp {
  const key = names.join('|');
  let pattern = requestPatterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\w$.])(?:${names.map(escapeRegExp).join('|')})(?![\\w$]|\\s*[(<])`);
    requestPatterns.set(key, pattern);
  }
  return pattern;
}

export function scanText(text: string): TextScan {
  const specifiers: TextScan['specifiers'] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[3] ?? match[5] ?? match[7];
    if (specifier) specifiers.push({ specifier, reexport: match[1] === 'export' });
  }
  return { specifiers, identifiers: new Set(text.match(IDENTIFIER)), markers: text.includes('@privacy-') || text.includes('privlint-disable'), text };
}

/**
 * What this file can do by itself, judged from its text: 'collects' when it may hold a collection
 * site, an SDK use or privlint comments (it loads a catalogued source or SDK module, mentions such a
 * global, reads a request object); 'sends' when it only mentions sinks (fetch, axios …); undefined
 * when it mentions nothing catalogued. (Wrappers in other project files are the ProjectIndex's business.)
 */
export function catalogRole(scan: TextScan, catalog: CatalogIndex, requestParameterNames: readonly string[] | undefined): 'collects' | 'sends' | undefined {
  if (scan.markers) return 'collects';
  let sends = false;
  for (const { specifier } of scan.specifiers) {
    const role = catalog.moduleRole(specifier);
    if (role === 'collects') return role;
    sends ||= role === 'sends';
  }
  if (globalsPattern(catalog, 'collectingGlobals').test(scan.text)) return 'collects';
  const parameterNames = catalog.models.parameterNames(requestParameterNames);
  if (parameterNames.some((name) => scan.identifiers.has(name)) && requestNamePattern(parameterNames).test(scan.text)) return 'collects';
  for (const name of catalog.models.typeNames) if (scan.identifiers.has(name)) return 'collects';
  for (const name of catalog.memberApiNames()) if (scan.identifiers.has(name)) return 'collects';
  if ([...catalog.models.routeExportNames].some((name) => scan.identifiers.has(name)) && routeExportPattern(catalog).test(scan.text)) return 'collects';
  return sends || globalsPattern(catalog, 'sendingGlobals').test(scan.text) ? 'sends' : undefined;
}
