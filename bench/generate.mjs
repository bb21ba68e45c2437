// Generates a realistic synthetic React Native / TypeScript project for benchmarks:
//   node bench/generate.mjs <files> [folder] [--lines N] [--seed N]
//
// A mix of components, hooks, services and utils across feature folders; a barrel file per feature;
// import chains through the `@app/*` tsconfig path alias, relative paths and barrels. A small share
// of files collects personal data (device id, carrier, location) behind exported wrappers, and other
// files, in other features, import those wrappers — sometimes through a pass-through helper in a
// third file — and send the values to SDKs or over the network, so a scan follows cross-file flows.
// Some uses are guarded and annotated, some not, so there are findings to report.
//
// Deterministic: the same files, lines and seed give the same project, byte for byte.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Lines per source file when --lines is not given: 2,000 files ≈ 167k lines (the issue's project).
 * @type {number}
 */
export const DEFAULT_LINES_PER_FILE = 83;

/** @typedef {'component' | 'hook' | 'service' | 'util'} Kind */
/** @typedef {{ index: number, feature: string, kind: Kind, name: string, relative: string }} SourceFile */
/** @typedef {{ render(name: string, imports: string[], units: number): string }} Template */

/**
 * A small seeded PRNG (mulberry32) so projects are reproducible.
 * @param {number} seed
 * @returns {() => number} a number in [0, 1) per call
 */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @type {Kind[]} */
const KINDS = ['component', 'component', 'component', 'hook', 'service', 'service', 'util', 'util'];
const FOLDERS = { component: 'components', hook: 'hooks', service: 'services', util: 'utils' };
/**
 * @template T
 * @param {() => number} next
 * @param {readonly T[]} list not empty
 * @returns {T}
 */
const pick = (next, list) => /** @type {T} */ (list[Math.floor(next() * list.length)]);
const pascal = (/** @type {string} */ text) => text.replace(/(^|-)(\w)/g, (_, __, /** @type {string} */ c) => c.toUpperCase());
const lineCount = (/** @type {string} */ text) => text.split('\n').length;

// ── privacy: collectors in one file, senders in another ─────────────────────

/**
 * Each kind pairs a collector (exported from a privacy file) with a sender (in a later file of
 * another feature) that imports the collector and passes its value to a sink.
 * @typedef {{ collectorImports: string[], collector: (n: number) => string, senderImports: (n: number, from: string) => string[], sender: (n: number) => string }} PrivacyKind
 * @type {PrivacyKind[]}
 */
const PRIVACY_KINDS = [
  {
    // Annotated and guarded, sent to a declared recipient: no finding, one flow.
    collectorImports: [`import DeviceInfo from 'react-native-device-info';`],
    collector: (n) => `/** @privacy-purpose analytics */\nexport async function readDeviceId${n}(): Promise<string> {\n  return DeviceInfo.getUniqueId();\n}\n`,
    senderImports: (n, from) => [`import analytics from '@react-native-firebase/analytics';`, `import { hasConsent } from '@app/privacy/consent';`, `import { readDeviceId${n} } from '${from}';`],
    sender: (n) => `export async function syncDevice${n}(screen: string) {\n  if (!(await hasConsent('analytics'))) return;\n  const id = await readDeviceId${n}();\n  await analytics().logEvent('device_sync', { id, screen });\n}\n`,
  },
  {
    // Location to the first party, through a pass-through helper in a third file.
    collectorImports: [`import * as Location from 'expo-location';`],
    collector: (n) => `/** @privacy-purpose app_functionality */\nexport async function currentCoords${n}() {\n  const { coords } = await Location.getCurrentPositionAsync();\n  return coords;\n}\n`,
    senderImports: (n, from) => [`import { currentCoords${n} } from '${from}';`, `import { passThrough } from '@app/shared/pass-through';`],
    sender: (n) => `export async function nearbyStores${n}() {\n  const coords = passThrough(await currentCoords${n}());\n  const response = await fetch(\`https://api.shop.example/stores?lat=\${coords.latitude}&lon=\${coords.longitude}\`);\n  return response.json();\n}\n`,
  },
  {
    // A device id given to Sentry without consent: findings on the sender.
    collectorImports: [`import DeviceInfo from 'react-native-device-info';`],
    collector: (n) => `/** @privacy-purpose analytics */\nexport function deviceLabel${n}(): Promise<string> {\n  return DeviceInfo.getUniqueId().then((id) => id.slice(0, 8));\n}\n`,
    senderImports: (n, from) => [`import * as Sentry from '@sentry/react-native';`, `import { deviceLabel${n} } from '${from}';`],
    sender: (n) => `export async function reportError${n}(error: unknown) {\n  Sentry.setUser({ id: await deviceLabel${n}() });\n  Sentry.captureException(error);\n}\n`,
  },
  {
    // No purpose, sent to a host the manifest does not name.
    collectorImports: [`import DeviceInfo from 'react-native-device-info';`],
    collector: (n) => `export function carrierName${n}(): Promise<string> {\n  return DeviceInfo.getCarrier().then((carrier) => carrier.toUpperCase());\n}\n`,
    senderImports: (n, from) => [`import { carrierName${n} } from '${from}';`],
    sender: (n) => `export async function reportCarrier${n}() {\n  const carrier = await carrierName${n}();\n  await fetch('https://metrics.partner.example/carrier', { method: 'POST', body: JSON.stringify({ carrier }) });\n}\n`,
  },
];

/**
 * Just enough type declarations for the packages the project imports, so `tsc --noEmit` checks
 * the whole project without errors (as it would with the real @types installed), rather than
 * stopping at unresolved modules and implicit anys.
 */
const VENDOR_TYPES = `declare module 'react' {
  export type SetStateAction<S> = S | ((previous: S) => S);
  export function useState<S>(initial: S | (() => S)): [S, (value: SetStateAction<S>) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
  export function useCallback<T extends (...args: never[]) => unknown>(callback: T, deps: readonly unknown[]): T;
  export function useRef<T>(initial: T): { current: T };
  const React: { Fragment: unknown };
  export default React;
}
declare module 'react/jsx-runtime' {
  export namespace JSX {
    type Element = { readonly type: unknown; readonly props: unknown };
    interface IntrinsicElements { [name: string]: Record<string, unknown> }
    interface ElementChildrenAttribute { children: {} }
  }
  export function jsx(type: unknown, props: unknown, key?: string): JSX.Element;
  export function jsxs(type: unknown, props: unknown, key?: string): JSX.Element;
  export const Fragment: unique symbol;
}
declare module 'react-native' {
  type Element = import('react/jsx-runtime').JSX.Element;
  type Style = Record<string, string | number>;
  export function View(props: { style?: Style; children?: unknown }): Element;
  export function Text(props: { style?: Style; onPress?: () => void; children?: unknown }): Element;
  export function Pressable(props: { style?: Style; onPress?: () => void; children?: unknown }): Element;
  export function FlatList<T>(props: { data: readonly T[]; keyExtractor: (item: T) => string; renderItem: (info: { item: T }) => Element }): Element;
  export const StyleSheet: { create<T extends Record<string, Style>>(styles: T): T };
}
declare module 'react-native-device-info' {
  const DeviceInfo: { getUniqueId(): Promise<string>; getCarrier(): Promise<string> };
  export default DeviceInfo;
}
declare module 'expo-location' {
  export function getCurrentPositionAsync(): Promise<{ coords: { latitude: number; longitude: number } }>;
}
declare module '@react-native-firebase/analytics' {
  export default function analytics(): { logEvent(name: string, params?: Record<string, unknown>): Promise<void> };
}
declare module '@sentry/react-native' {
  export function setUser(user: { id: string } | null): void;
  export function captureException(error: unknown): string;
}
`;

// ── templates: each takes a number of repeated units, to reach a line target ──

/** @type {Record<Kind, Template>} */
const TEMPLATES = {
  component: {
    render(name, imports, units) {
      const fields = Array.from({ length: units }, (_, i) => `field${i}`);
      return `${imports.join('\n')}
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { FlatList, Pressable, StyleSheet, Text, View } from 'react-native';

export interface ${name}Props {
  title: string;
  items: { id: string; label: string; value: number }[];
  onSelect?: (id: string) => void;
}

export function ${name}({ title, items, onSelect }: ${name}Props) {
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
${fields.map((field) => `  const [${field}, set${pascal(field)}] = useState(0);`).join('\n')}

  useEffect(() => {
    if (selected && onSelect) onSelect(selected);
  }, [selected, onSelect]);

  const filtered = useMemo(
    () => items.filter((item) => item.label.toLowerCase().includes(query.toLowerCase())).sort((a, b) => a.value - b.value),
    [items, query],
  );

  const handlePress = useCallback((id: string) => {
    setSelected((current) => (current === id ? null : id));
${fields.map((field) => `    set${pascal(field)}((value) => value + 1);`).join('\n')}
  }, []);

  const total = filtered.reduce((sum, item) => sum + item.value, 0);

  return (
    <View style={styles.container}>
      <Text style={styles.title}>{title}</Text>
      <Text onPress={() => setQuery('')}>{\`\${filtered.length} of \${items.length} (total \${total})\`}</Text>
${fields.map((field) => `      <Text>{${field}}</Text>`).join('\n')}
      <FlatList
        data={filtered}
        keyExtractor={(item) => item.id}
        renderItem={({ item }) => (
          <Pressable onPress={() => handlePress(item.id)} style={item.id === selected ? styles.selected : styles.row}>
            <Text>{item.label}</Text>
            <Text>{item.value.toFixed(2)}</Text>
          </Pressable>
        )}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  container: { flex: 1, padding: 16 },
  title: { fontSize: 20, fontWeight: '600' },
  row: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 8 },
  selected: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 8, backgroundColor: '#eef' },
});
`;
    },
  },
  hook: {
    render(name, imports, units) {
      const type = pascal(name);
      const selectors = Array.from({ length: units }, (_, i) => `
export function select${type}${i}<T>(state: ${type}State<T>): boolean {
  if (state.loading) return false;
  return state.error === null && state.data !== null && ${i} >= 0;
}`);
      return `${imports.join('\n')}
import { useEffect, useRef, useState } from 'react';

export interface ${type}State<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

export function ${name}<T>(load: () => Promise<T>, deps: unknown[] = []): ${type}State<T> {
  const [state, setState] = useState<${type}State<T>>({ data: null, error: null, loading: true });
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    setState((current) => ({ ...current, loading: true }));
    load()
      .then((data) => {
        if (mounted.current) setState({ data, error: null, loading: false });
      })
      .catch((error: Error) => {
        if (mounted.current) setState({ data: null, error, loading: false });
      });
    return () => {
      mounted.current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return state;
}
${selectors.join('\n')}
`;
    },
  },
  service: {
    render(name, imports, units) {
      const type = pascal(name);
      const methods = Array.from({ length: units }, (_, i) => `operation${i}`);
      return `${imports.join('\n')}

export interface ${type}Options {
  baseUrl: string;
  timeoutMs?: number;
  retries?: number;
}

export class ${type} {
  private readonly cache = new Map<string, unknown>();

  constructor(private readonly options: ${type}Options) {}

  private async request<T>(route: string, init: RequestInit = {}): Promise<T> {
    const key = \`\${init.method ?? 'GET'} \${route}\`;
    if (this.cache.has(key)) return this.cache.get(key) as T;
    let attempt = 0;
    for (;;) {
      try {
        const response = await fetch(\`\${this.options.baseUrl}\${route}\`, init);
        if (!response.ok) throw new Error(\`\${route} failed with \${response.status}\`);
        const body = (await response.json()) as T;
        this.cache.set(key, body);
        return body;
      } catch (error) {
        attempt += 1;
        if (attempt > (this.options.retries ?? 2)) throw error;
      }
    }
  }
${methods
  .map(
    (method, index) => `
  async ${method}(id: string, payload: Record<string, unknown> = {}) {
    const result = await this.request<{ id: string; values: number[] }>(\`/${name}/\${id}/${index}\`, {
      method: 'POST',
      body: JSON.stringify({ ...payload, id }),
    });
    return result.values.map((value) => value * ${index + 1}).filter((value) => value > 0);
  }`,
  )
  .join('\n')}
}

export const ${name}Instance = new ${type}({ baseUrl: 'https://api.shop.example' });
`;
    },
  },
  util: {
    render(name, imports, units) {
      const helpers = Array.from({ length: Math.max(1, units) }, (_, i) => `${name}Helper${i}`);
      return `${imports.join('\n')}

${helpers
  .map(
    (helper, index) => `export function ${helper}(values: number[], factor = ${index + 1}): number[] {
  const result: number[] = [];
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    result.push(Math.round(value * factor * 100) / 100);
  }
  return result.sort((a, b) => a - b);
}
`,
  )
  .join('\n')}
export const ${name}Labels: Record<string, string> = {
  ok: 'OK',
  cancel: 'Cancel',
  retry: 'Try again',
};
`;
    },
  },
};

/** Lines of each template with no unit, and per unit, measured once. */
const BASE_LINES = /** @type {Record<Kind, number>} */ (Object.fromEntries(/** @type {[Kind, Template][]} */ (Object.entries(TEMPLATES)).map(([kind, template]) => [kind, lineCount(template.render('probe', [], 1))])));
const UNIT_LINES = /** @type {Record<Kind, number>} */ (Object.fromEntries(/** @type {[Kind, Template][]} */ (Object.entries(TEMPLATES)).map(([kind, template]) => [kind, lineCount(template.render('probe', [], 2)) - BASE_LINES[kind]])));

/**
 * Write a synthetic project of `fileCount` feature files (plus barrels and a few shared files) into
 * `folder`. `options.lines` is the approximate total number of lines (default: 83 a file).
 * A number as the third argument is the seed (older callers).
 * @param {string} folder
 * @param {number} fileCount
 * @param {number | { lines?: number, seed?: number }} [options]
 * @returns {{ files: number, lines: number }} the files written and their lines
 */
export function generateProject(folder, fileCount, options = {}) {
  const { seed = 42, lines: targetLines = fileCount * DEFAULT_LINES_PER_FILE } = typeof options === 'number' ? { seed: options } : options;
  const next = random(seed);
  rmSync(folder, { recursive: true, force: true });
  const features = Math.max(4, Math.round(fileCount / 40));
  const perFile = targetLines / Math.max(1, fileCount);
  /** @type {SourceFile[]} */
  const files = [];
  for (let index = 0; index < fileCount; index++) {
    const feature = `feature-${index % features}`;
    const kind = pick(next, KINDS);
    const base = `${kind}${index}`;
    const extension = kind === 'component' ? 'tsx' : 'ts';
    const name = kind === 'component' ? pascal(base) : kind === 'hook' ? `use${pascal(base)}` : base;
    files.push({ index, feature, kind, name, relative: `src/features/${feature}/${FOLDERS[kind]}/${base}.${extension}` });
  }

  // Every 33rd file collects; a file 11 places later (another feature) sends what it collects.
  /** @type {Map<number, { role: 'collector', kind: PrivacyKind, n: number } | { role: 'sender', kind: PrivacyKind, n: number, from: SourceFile }>} */
  const privacy = new Map();
  for (const file of files) {
    if (file.index % 33 !== 7) continue;
    const kind = /** @type {PrivacyKind} */ (PRIVACY_KINDS[Math.floor(file.index / 33) % PRIVACY_KINDS.length]);
    privacy.set(file.index, { role: 'collector', kind, n: file.index });
    const sender = files[file.index + 11];
    if (sender && !privacy.has(sender.index)) privacy.set(sender.index, { role: 'sender', kind, n: file.index, from: file });
  }

  const specifierFor = (/** @type {SourceFile} */ from, /** @type {SourceFile} */ target) =>
    next() < 0.5
      ? `@app/${target.relative.slice(4).replace(/\.tsx?$/, '')}`
      : `./${path.posix.relative(path.posix.dirname(from.relative), target.relative).replace(/\.tsx?$/, '')}`.replace('./../', '../');

  /** @type {Map<string, string>} */
  const written = new Map();
  for (const file of files) {
    /** @type {string[]} */
    const imports = [];
    // Import chains: each file imports a few of the 60 files before it, through the alias or relatively.
    const earlier = files.slice(Math.max(0, file.index - 60), file.index);
    for (let i = 0; i < Math.min(earlier.length, 2 + Math.floor(next() * 3)); i++) {
      const target = pick(next, earlier);
      if (target.kind === 'component' && file.kind !== 'component') continue;
      const importName = target.kind === 'service' ? `${target.name}Instance` : target.kind === 'util' ? `${target.name}Helper0` : target.name;
      if (!imports.some((line) => line.includes(` ${importName} `))) imports.push(`import { ${importName} } from '${specifierFor(file, target)}';`);
    }
    // Every line in `imports` is `import { name } from …`.
    const used = imports.map((line) => /** @type {RegExpExecArray} */ (/import \{ (\w+) \}/.exec(line))[1]);
    const role = privacy.get(file.index);
    const extra =
      role?.role === 'collector'
        ? { imports: role.kind.collectorImports, body: role.kind.collector(role.n) }
        : role?.role === 'sender'
          ? // Half the senders import the collector through its feature's barrel.
            { imports: role.kind.senderImports(role.n, next() < 0.5 ? `@app/features/${role.from.feature}` : specifierFor(file, role.from)), body: role.kind.sender(role.n) }
          : undefined;
    const template = TEMPLATES[file.kind];
    const fixed = BASE_LINES[file.kind] + imports.length + (extra ? lineCount(extra.body) + extra.imports.length : 0) + (used.length > 0 ? 2 : 0);
    const jitter = 0.7 + next() * 0.6;
    const units = Math.max(1, 1 + Math.round(((perFile - fixed) * jitter) / UNIT_LINES[file.kind]));
    let text = template.render(file.name, imports, units);
    if (used.length > 0) text += `\nexport const ${file.name}Dependencies = [${used.join(', ')}];\n`;
    if (extra) text = `${extra.imports.join('\n')}\n${text}\n${extra.body}`;
    written.set(file.relative, text);
  }

  // Barrel files per feature folder: `export * from './components/…'`.
  for (let feature = 0; feature < features; feature++) {
    const members = files.filter((file) => file.feature === `feature-${feature}`);
    written.set(`src/features/feature-${feature}/index.ts`, members.map((file) => `export * from './${file.relative.split('/').slice(3).join('/').replace(/\.tsx?$/, '')}';`).join('\n') + '\n');
  }
  written.set('src/privacy/consent.ts', `/** @privacy-consent */\nexport async function hasConsent(key: string): Promise<boolean> {\n  return key.length > 0;\n}\n`);
  written.set('src/shared/pass-through.ts', `/** Returns its argument unchanged (a helper a flow goes through). */\nexport function passThrough<T>(value: T): T {\n  return value;\n}\n`);
  written.set('src/App.tsx', `import React from 'react';\n${Array.from({ length: Math.min(features, 20) }, (_, i) => `import * as Feature${i} from './features/feature-${i}';`).join('\n')}\n\nexport default function App() {\n  return <>{[${Array.from({ length: Math.min(features, 20) }, (_, i) => `Feature${i}`).join(', ')}].length}</>;\n}\n`);
  written.set('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, paths: { '@app/*': ['./src/*'] }, types: [] }, include: ['src', 'types'] }, null, 2));
  written.set('types/vendor.d.ts', VENDOR_TYPES);
  written.set('package.json', JSON.stringify({ name: `bench-app-${fileCount}`, private: true, dependencies: { react: '18', 'react-native': '0.76', 'react-native-device-info': '14', 'expo-location': '18', '@react-native-firebase/analytics': '21', '@sentry/react-native': '6' } }, null, 2));
  written.set('privacy-manifest.yaml', `version: 1
app: { name: Bench app }
consents:
  analytics: { mode: opt-in }
categories:
  - id: device
    uses: [{ purposes: [analytics], basis: consent, consent: analytics }]
  - id: network.carrier
    uses: [{ purposes: [analytics], basis: consent, consent: analytics }]
  - id: location.precise
    uses: [{ purposes: [app_functionality], basis: contract }]
recipients:
  - id: google
    role: processor
    packages: ["@react-native-firebase/*"]
    shares: [{ categories: [device.id], purposes: [analytics], consent: analytics }]
first_party:
  domains: [api.shop.example]
`);
  for (const [relative, text] of written) {
    const file = path.join(folder, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const lines = [...written.values()].reduce((sum, text) => sum + lineCount(text), 0);
  return { files: written.size, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const flag = (/** @type {string} */ name) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : undefined);
  const [count = '2000', folder = `/tmp/privlint-bench-${count}`] = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  const lines = flag('lines');
  const seed = flag('seed');
  const { files, lines: written } = generateProject(path.resolve(folder), Number(count), { ...(lines ? { lines } : {}), ...(seed ? { seed } : {}) });
  console.log(`generated ${files} files, ${written.toLocaleString('en')} lines in ${folder}`);
}
