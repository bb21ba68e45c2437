// Generates a realistic synthetic React Native / TypeScript project for benchmarks:
//   node bench/generate.mjs <files> <folder>
// A mix of components, hooks, services, utils and barrel files across feature folders, with import
// chains, tsconfig path aliases, and a small share (~3%) of files that collect personal data or call
// SDKs — some guarded and annotated, some not. Deterministic: the same size gives the same project.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A small seeded PRNG (mulberry32) so projects are reproducible. */
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

const KINDS = ['component', 'component', 'component', 'hook', 'service', 'service', 'util', 'util'];
const PRIVACY_SNIPPETS = [
  {
    imports: [`import DeviceInfo from 'react-native-device-info';`, `import { hasConsent } from '@app/privacy/consent';`],
    body: (n) => `export async function deviceFingerprint${n}(): Promise<string | null> {\n  if (!(await hasConsent('analytics'))) return null;\n  // @privacy-purpose analytics\n  const id = await DeviceInfo.getUniqueId();\n  return id;\n}\n`,
  },
  {
    imports: [`import * as Location from 'expo-location';`],
    body: (n) => `/** @privacy-purpose app_functionality */\nexport async function nearbyStores${n}() {\n  const { coords } = await Location.getCurrentPositionAsync();\n  const response = await fetch(\`https://api.shop.example/stores?lat=\${coords.latitude}&lon=\${coords.longitude}\`);\n  return response.json();\n}\n`,
  },
  {
    imports: [`import analytics from '@react-native-firebase/analytics';`, `import { hasConsent } from '@app/privacy/consent';`],
    body: (n) => `export async function trackScreen${n}(screen: string) {\n  if (await hasConsent('analytics')) {\n    await analytics().logScreenView({ screen_name: screen, screen_class: screen });\n  }\n}\n`,
  },
  {
    imports: [`import * as Sentry from '@sentry/react-native';`],
    body: (n) => `export function reportError${n}(error: unknown, userId: string) {\n  Sentry.setUser({ id: userId });\n  Sentry.captureException(error);\n}\n`,
  },
  {
    imports: [`import DeviceInfo from 'react-native-device-info';`],
    body: (n) => `export function carrierLabel${n}() {\n  return DeviceInfo.getCarrier().then((carrier) => carrier.toUpperCase());\n}\n`,
  },
];

const pick = (next, list) => list[Math.floor(next() * list.length)];
const pascal = (text) => text.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());

function component(name, imports, next) {
  const fields = Array.from({ length: 3 + Math.floor(next() * 4) }, (_, i) => `field${i}`);
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
      <Text>{\`\${filtered.length} of \${items.length} (total \${total})\`}</Text>
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
}

function hook(name, imports) {
  return `${imports.join('\n')}
import { useEffect, useRef, useState } from 'react';

export interface ${pascal(name)}State<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

export function ${name}<T>(load: () => Promise<T>, deps: unknown[] = []): ${pascal(name)}State<T> {
  const [state, setState] = useState<${pascal(name)}State<T>>({ data: null, error: null, loading: true });
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
`;
}

function service(name, imports, next) {
  const methods = Array.from({ length: 4 + Math.floor(next() * 4) }, (_, i) => `operation${i}`);
  return `${imports.join('\n')}

export interface ${pascal(name)}Options {
  baseUrl: string;
  timeoutMs?: number;
  retries?: number;
}

export class ${pascal(name)} {
  private readonly cache = new Map<string, unknown>();

  constructor(private readonly options: ${pascal(name)}Options) {}

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

export const ${name}Instance = new ${pascal(name)}({ baseUrl: 'https://api.shop.example' });
`;
}

function util(name, imports, next) {
  const helpers = Array.from({ length: 5 + Math.floor(next() * 6) }, (_, i) => `${name}Helper${i}`);
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
}

export function generateProject(folder, fileCount, seed = 42) {
  const next = random(seed);
  rmSync(folder, { recursive: true, force: true });
  const features = Math.max(4, Math.round(fileCount / 40));
  const files = [];
  const privacyEvery = 33;
  for (let index = 0; index < fileCount; index++) {
    const feature = `feature-${index % features}`;
    const kind = pick(next, KINDS);
    const base = `${kind}${index}`;
    const folderName = { component: 'components', hook: 'hooks', service: 'services', util: 'utils' }[kind];
    const extension = kind === 'component' ? 'tsx' : 'ts';
    const name = kind === 'component' ? pascal(base) : kind === 'hook' ? `use${pascal(base)}` : base;
    files.push({ index, feature, kind, name, relative: `src/features/${feature}/${folderName}/${base}.${extension}`, exports: [name] });
  }

  const written = new Map();
  for (const file of files) {
    const imports = [];
    // Import chains: each file imports a few earlier files, through the alias, relatively, or a barrel.
    const earlier = files.slice(Math.max(0, file.index - 60), file.index);
    for (let i = 0; i < Math.min(earlier.length, 2 + Math.floor(next() * 3)); i++) {
      const target = pick(next, earlier);
      if (target.kind === 'component' && file.kind !== 'component') continue;
      const specifier = next() < 0.5 ? `@app/${target.relative.slice(4).replace(/\.tsx?$/, '')}` : `./${path.posix.relative(path.posix.dirname(file.relative), target.relative).replace(/\.tsx?$/, '')}`.replace('./../', '../');
      const importName = target.kind === 'service' ? `${target.name}Instance` : target.kind === 'util' ? `${target.name}Helper0` : target.name;
      if (!imports.some((line) => line.includes(` ${importName} `))) imports.push(`import { ${importName} } from '${specifier}';`);
    }
    const used = imports.map((line) => /import \{ (\w+) \}/.exec(line)[1]);
    let text;
    if (file.kind === 'component') text = component(file.name, imports, next);
    else if (file.kind === 'hook') text = hook(file.name, imports);
    else if (file.kind === 'service') text = service(file.name, imports, next);
    else text = util(file.name, imports, next);
    if (used.length > 0) text += `\nexport const ${file.name}Dependencies = [${used.join(', ')}];\n`;
    if (file.index % privacyEvery === 7) {
      const snippet = PRIVACY_SNIPPETS[file.index % PRIVACY_SNIPPETS.length];
      text = `${snippet.imports.join('\n')}\n${text}\n${snippet.body(file.index)}`;
    }
    written.set(file.relative, text);
  }

  // Barrel files per feature folder: `export * from './components/…'`.
  for (let feature = 0; feature < features; feature++) {
    const members = files.filter((file) => file.feature === `feature-${feature}`);
    written.set(`src/features/feature-${feature}/index.ts`, members.map((file) => `export * from './${file.relative.split('/').slice(3).join('/').replace(/\.tsx?$/, '')}';`).join('\n') + '\n');
  }
  written.set('src/privacy/consent.ts', `/** @privacy-consent */\nexport async function hasConsent(key: string): Promise<boolean> {\n  return key.length > 0;\n}\n`);
  written.set('src/App.tsx', `import React from 'react';\n${Array.from({ length: Math.min(features, 20) }, (_, i) => `import * as Feature${i} from './features/feature-${i}';`).join('\n')}\n\nexport default function App() {\n  return <>{[${Array.from({ length: Math.min(features, 20) }, (_, i) => `Feature${i}`).join(', ')}].length}</>;\n}\n`);
  written.set('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, paths: { '@app/*': ['./src/*'] }, types: [] }, include: ['src'] }, null, 2));
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
  const lines = [...written.values()].reduce((sum, text) => sum + text.split('\n').length, 0);
  return { files: written.size, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = '2000', folder = `/tmp/privlint-bench-${count}`] = process.argv.slice(2);
  const { files, lines } = generateProject(path.resolve(folder), Number(count));
  console.log(`generated ${files} files, ${lines.toLocaleString('en')} lines in ${folder}`);
}
