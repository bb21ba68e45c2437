import type { CatalogIndex } from '../catalog/match.js';
import { ts } from './ts.js';
import { parseStructured } from '../structured/tree.js';
import { emptyFacts, type FileFacts, type Range, type SdkUseSite } from './facts.js';
import { isCordovaConfig } from './config-files.js';
import { staticName } from './references.js';

export { isConfigDataFile, isConfigSourceFile } from './config-files.js';

// SDKs an app names in its build configuration, not in code: an Expo config plugin
// (`"plugins": ["@sentry/react-native/expo", ["expo-tracking-transparency", {…}]]` in app.json or
// app.config.js/ts), a Capacitor plugin's settings (`plugins: { FirebaseMessaging: {…} }` in
// capacitor.config.ts/json) and a Cordova plugin (`<plugin name="cordova-plugin-firebasex" …/>` in
// config.xml). Each is an SDK use at that line, as an import is.

/** The SDK a plugin named in a configuration belongs to: an npm package (or a subpath: `@sentry/react-native/expo`), else a Capacitor plugin's name. */
function pluginSdk(catalog: CatalogIndex, name: string): { sdkId: string; package: string } | undefined {
  if (name.startsWith('.') || name.startsWith('/')) return undefined; // the app's own plugin file
  const sdk = catalog.sdkForSpecifier(name);
  if (sdk) return { sdkId: sdk.id, package: catalog.sdkPackage(name) };
  const plugin = catalog.sdkForCapacitorPlugin(name);
  return plugin ? { sdkId: plugin.sdk.id, package: plugin.package } : undefined;
}

/** The facts of a configuration data file: the SDK uses it names; a file that cannot be read names none. */
export function analyzeConfigData(fileName: string, text: string, catalog: CatalogIndex): FileFacts {
  const facts = emptyFacts();
  const add = (name: string, line: number, column: number) => {
    const sdk = pluginSdk(catalog, name);
    if (sdk) facts.sdkUses.push({ ...sdk, range: { line, column, endLine: line, endColumn: column + name.length + 2 } });
  };
  if (isCordovaConfig(fileName)) {
    for (const plugin of cordovaPlugins(text)) add(plugin.name, plugin.line, plugin.column);
    return facts;
  }
  // app.json and capacitor.config.json: a broken file is the build tool's to report, not privlint's.
  const { root } = parseStructured(text, fileName);
  if (root?.kind !== 'object') return facts;
  const expo = root.entries.find((entry) => entry.key === 'expo')?.value;
  for (const holder of [root, expo]) {
    if (holder?.kind !== 'object') continue;
    const plugins = holder.entries.find((entry) => entry.key === 'plugins')?.value;
    if (plugins?.kind === 'array') {
      for (const item of plugins.items) {
        const named = item.kind === 'array' ? item.items[0] : item;
        if (named?.kind === 'scalar' && typeof named.value === 'string') add(named.value, named.line, named.column);
      }
    } else if (plugins?.kind === 'object') {
      for (const entry of plugins.entries) add(entry.key, entry.keyLine, entry.keyColumn);
    }
  }
  return facts;
}

/** `<plugin name="cordova-plugin-x" spec="…"/>` in a Cordova config.xml (its root element is `<widget>`). */
function cordovaPlugins(text: string): { name: string; line: number; column: number }[] {
  if (!/<widget\b/.test(text)) return [];
  const found: { name: string; line: number; column: number }[] = [];
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const match of withoutComments.matchAll(/<plugin\b[^>]*?\bname\s*=\s*(["'])([^"']+)\1/g)) {
    // At the opening quote, as an import's SDK use is at its specifier's.
    const offset = match.index + match[0].length - match[2]!.length - 2;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    found.push({ name: match[2]!, line, column: offset - before.lastIndexOf('\n') });
  }
  return found;
}

/**
 * The SDK uses of an app.config.js/ts or capacitor.config.ts: every `plugins` property of an object
 * in the file (the exported config, or the object a config function returns), an array of Expo plugin
 * names (`'expo-x'` or `['expo-x', options]`) or an object keyed by Capacitor plugin names.
 */
export function configSourcePlugins(sourceFile: ts.SourceFile, catalog: CatalogIndex, range: (node: ts.Node) => Range): SdkUseSite[] {
  const found: SdkUseSite[] = [];
  const add = (name: string, node: ts.Node) => {
    const sdk = pluginSdk(catalog, name);
    if (sdk) found.push({ ...sdk, range: range(node) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && staticName(node.name) === 'plugins') {
      const value = skipParentheses(node.initializer);
      if (ts.isArrayLiteralExpression(value)) {
        for (const element of value.elements) {
          const named = ts.isArrayLiteralExpression(element) ? element.elements[0] : element;
          if (named && ts.isStringLiteralLike(named)) add(named.text, named);
        }
      } else if (ts.isObjectLiteralExpression(value)) {
        for (const property of value.properties) {
          const key = property.name ? staticName(property.name) : undefined;
          if (key !== undefined && property.name) add(key, property.name);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}
