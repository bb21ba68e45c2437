import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { FINGERPRINT_SIGNAL_GROUPS } from '../../src/catalog/schema.js';
import { parseStructured, toPlain } from '../../src/structured/tree.js';
import { scanProject, sites } from '../helpers/temp-project.js';

// The browser fingerprinting surface (src/catalog/data/sources/fingerprinting.yaml, docs/fingerprinting.md).
//
// The sites asserted here are what the data determines together with two rules of the engine
// (docs/fingerprinting.md): the containment rule (a low-confidence site whose value never leaves its
// function is not reported) and the combination rule (in a file whose sites cover 3 or more signal
// groups every signal site is device.fingerprint).

const FILE = fileURLToPath(new URL('../../src/catalog/data/sources/fingerprinting.yaml', import.meta.url));

interface Entry {
  where: string;
  category?: string;
  confidence?: string;
  signal?: string;
}

/** Every source entry of fingerprinting.yaml, as written (not merged, no defaults). */
function fingerprintingEntries(): Entry[] {
  const parsed = parseStructured(readFileSync(FILE, 'utf8'), FILE);
  expect(parsed.problems).toEqual([]);
  const data = toPlain(parsed.root!) as {
    globals: (Entry & { path: string })[];
    members: (Entry & { name: string })[];
    models: { id: string; members: (Entry & { path: string; model?: string })[] }[];
    modules: { module: string; apis: (Entry & { name: string })[] }[];
  };
  return [
    ...data.globals.map((entry) => ({ ...entry, where: entry.path })),
    ...data.members.map((entry) => ({ ...entry, where: `*.${entry.name}` })),
    ...data.models.flatMap((model) => model.members.filter((member) => !member.model).map((member) => ({ ...member, where: `${model.id}#${member.path}` }))),
    ...data.modules.flatMap((module) => module.apis.map((api) => ({ ...api, where: `${module.module}#${api.name}` }))),
  ];
}

describe('the fingerprinting catalog data', () => {
  it('gives every entry a signal group, a category (device.fingerprint or device.info; a time zone name location.coarse) and an explicit confidence', () => {
    const entries = fingerprintingEntries();
    expect(entries.length).toBeGreaterThan(100);
    const categories = (entry: Entry) => (entry.signal === 'timezone' ? ['device.fingerprint', 'device.info', 'location.coarse'] : ['device.fingerprint', 'device.info']);
    const incomplete = entries.filter(
      (entry) =>
        !(FINGERPRINT_SIGNAL_GROUPS as readonly string[]).includes(entry.signal ?? '') ||
        !categories(entry).includes(entry.category ?? '') ||
        !['high', 'medium', 'low'].includes(entry.confidence ?? ''),
    );
    expect(incomplete.map((entry) => entry.where)).toEqual([]);
  });

  it('covers every signal group', () => {
    const used = new Set(fingerprintingEntries().map((entry) => entry.signal));
    expect(FINGERPRINT_SIGNAL_GROUPS.filter((group) => !used.has(group))).toEqual([]);
  });

  it('keeps reads with everyday uses low, so the escape rule keeps ordinary code quiet', () => {
    const catalog = loadCatalog();
    const everydayMembers = ['offsetWidth', 'offsetHeight', 'getBoundingClientRect', 'measureText', 'isPointInPath', 'createOscillator', 'createDynamicsCompressor', 'createAnalyser', 'startRendering', 'getChannelData', 'baseLatency'];
    const members = catalog.members.filter((api) => everydayMembers.includes(api.name));
    expect(members.map((api) => api.name).sort()).toEqual([...everydayMembers].sort());
    expect(members.filter((api) => api.confidence !== 'low').map((api) => api.id)).toEqual([]);
    const everydayGlobals = ['navigator.language', 'navigator.userAgent', 'navigator.platform', 'screen.width', 'screen.height', 'devicePixelRatio', 'Date().getTimezoneOffset', 'Intl.DateTimeFormat().resolvedOptions().timeZone', 'matchMedia', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator.maxTouchPoints', 'navigator.doNotTrack', 'navigator.connection', 'document.fonts.check', 'navigator.permissions.query', 'AudioContext'];
    const globals = catalog.globals.filter((api) => everydayGlobals.includes(api.name));
    expect(globals.map((api) => api.name).sort()).toEqual([...everydayGlobals].sort());
    const everydayCategory = (api: { name: string }) => (api.name.endsWith('.timeZone') ? 'location.coarse' : 'device.info');
    expect(globals.filter((api) => api.confidence !== 'low' || api.category !== everydayCategory(api)).map((api) => api.id)).toEqual([]);
  });

  it('rates the strong signals high: unmasked GPU, the debug renderer extension, OfflineAudioContext, font enumeration', () => {
    const catalog = loadCatalog();
    const unmasked = catalog.members.find((api) => api.name === 'getParameter' && api.args?.['0']?.includes('UNMASKED_RENDERER_WEBGL'));
    const debugInfo = catalog.members.find((api) => api.name === 'getExtension' && api.args?.['0']?.includes('WEBGL_debug_renderer_info'));
    const strong = [unmasked, debugInfo, ...catalog.globals.filter((api) => ['OfflineAudioContext', 'webkitOfflineAudioContext', 'queryLocalFonts'].includes(api.name))];
    expect(strong.map((api) => `${api?.id} ${api?.category} ${api?.confidence}`)).toEqual([
      '*.getParameter device.fingerprint high',
      '*.getExtension device.fingerprint high',
      'queryLocalFonts device.fingerprint high',
      'OfflineAudioContext device.fingerprint high',
      'webkitOfflineAudioContext device.fingerprint high',
    ]);
  });
});

describe('fingerprinting scripts: each probe is found however the code holds the value', () => {
  it('a canvas fingerprint: a created canvas, text drawn, the winding test and the pixels read back', () => {
    const result = scanProject({
      'canvas.ts': [
        `export function canvasFingerprint() {`,
        `  const canvas = document.createElement('canvas');`,
        `  canvas.width = 240;`,
        `  canvas.height = 60;`,
        `  const context = canvas.getContext('2d');`,
        `  if (!context) return null;`,
        `  context.textBaseline = 'alphabetic';`,
        `  context.fillStyle = '#f60';`,
        `  context.fillRect(100, 1, 62, 20);`,
        `  context.font = '11pt "Times New Roman"';`,
        `  context.fillText('Cwm fjordbank gly \\u{1F603}', 2, 15);`,
        `  const winding = !context.isPointInPath(5, 5, 'evenodd');`,
        `  const pixel = context.getImageData(0, 0, 1, 1).data[0];`,
        `  return { winding, pixel, image: canvas.toDataURL() };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'canvas.ts:13 device.fingerprint web.canvas-context#getImageData()',
      'canvas.ts:14 device.fingerprint web.canvas#toDataURL()',
    ]);
  });

  it('a canvas the analysis cannot name (a parameter, an offscreen canvas) is matched by member name or model', () => {
    const result = scanProject({
      'a.js': `export function hash(canvas) {\n  return canvas.toDataURL();\n}\nexport async function offscreen() {\n  const canvas = new OffscreenCanvas(200, 50);\n  const blob = await canvas.convertToBlob();\n  return blob.size;\n}\n`,
    });
    expect(sites(result)).toEqual(['a.js:2 device.fingerprint *.toDataURL', 'a.js:6 device.fingerprint web.canvas#convertToBlob()']);
  });

  it('a WebGL renderer probe: the debug renderer extension and the unmasked vendor and renderer, by constant or by value', () => {
    const result = scanProject({
      'webgl.ts': [
        `function getContext(): WebGLRenderingContext | null {`,
        `  const canvas = document.createElement('canvas');`,
        `  return (canvas.getContext('webgl') || canvas.getContext('experimental-webgl')) as WebGLRenderingContext | null;`,
        `}`,
        `export function gpu() {`,
        `  const gl: WebGLRenderingContext | null = getContext();`,
        `  if (!gl) return undefined;`,
        `  const info = gl.getExtension('WEBGL_debug_renderer_info');`,
        `  const vendor = info ? gl.getParameter(info.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR);`,
        `  const renderer = gl.getParameter(37446);`,
        `  const maxTexture = gl.getParameter(gl.MAX_TEXTURE_SIZE);`,
        `  const precision = gl.getShaderPrecisionFormat(gl.FRAGMENT_SHADER, gl.HIGH_FLOAT);`,
        `  return { vendor, renderer, maxTexture, precision, extensions: gl.getSupportedExtensions(), float: gl.getExtension('OES_texture_float') };`,
        `}`,
      ].join('\n'),
      // A context passed in (untyped): the member entries, with their argument constraints.
      'probe.js': `export function probe(gl) {\n  const ext = gl.getExtension('MOZ_WEBGL_debug_renderer_info');\n  return [gl.getParameter(ext.UNMASKED_RENDERER_WEBGL), gl.getParameter(gl.SHADING_LANGUAGE_VERSION), gl.getContextAttributes()];\n}\n`,
    });
    expect(sites(result)).toEqual([
      'probe.js:2 device.fingerprint *.getExtension',
      'probe.js:3 device.fingerprint *.getParameter',
      'probe.js:3 device.info *.getParameter',
      'probe.js:3 device.info *.getContextAttributes',
      'webgl.ts:8 device.fingerprint *.getExtension',
      'webgl.ts:9 device.fingerprint *.getParameter',
      'webgl.ts:9 device.info *.getParameter',
      'webgl.ts:10 device.fingerprint *.getParameter',
      'webgl.ts:12 device.fingerprint web.canvas-context#getShaderPrecisionFormat()',
      'webgl.ts:13 device.fingerprint web.canvas-context#getSupportedExtensions()',
    ]);
  });

  // The same probe with `const gl = getContext()` untyped, the helper in this file or imported: the
  // `*.` member entries match on what the project's function returns.
  it('a WebGL context returned by an untyped project helper (const gl = getContext()) is matched like any other', () => {
    const probe = (from: string) =>
      [
        from,
        `export function gpu() {`,
        `  const gl = getContext();`,
        `  const info = gl.getExtension('WEBGL_debug_renderer_info');`,
        `  return [gl.getParameter(info.UNMASKED_RENDERER_WEBGL), gl.getSupportedExtensions()];`,
        `}`,
      ].join('\n');
    const result = scanProject({
      'context.ts': `export function getContext() { return document.createElement('canvas').getContext('webgl'); }\n`,
      'local.ts': probe(`function getContext() { return document.createElement('canvas').getContext('webgl'); }`),
      'imported.ts': probe(`import { getContext } from './context';`),
    });
    expect(sites(result)).toEqual([
      'imported.ts:4 device.fingerprint *.getExtension',
      'imported.ts:5 device.fingerprint *.getParameter',
      'imported.ts:5 device.fingerprint *.getSupportedExtensions',
      'local.ts:4 device.fingerprint *.getExtension',
      'local.ts:5 device.fingerprint *.getParameter',
      'local.ts:5 device.fingerprint *.getSupportedExtensions',
    ]);
  });

  it('near miss: a project module\'s own method named like a WebGL one is its own API, not a context\'s', () => {
    const result = scanProject({
      'settings.ts': `export const settings = { getParameter: (name: string) => localStorage.getItem(name) === 'on' };\n`,
      'app.ts': `import { settings } from './settings';\nexport const dark = () => (settings.getParameter('RENDERER') ? 'dark' : 'light');\n`,
    });
    expect(sites(result).filter((site) => site.startsWith('app.ts'))).toEqual([]);
  });

  it('an audio fingerprint: an OfflineAudioContext (or Safari’s twin), oscillator → compressor, rendered and summed', () => {
    const result = scanProject({
      'audio.ts': [
        `export async function audioFingerprint(): Promise<number> {`,
        `  const w = window as any;`,
        `  const AudioContext = w.OfflineAudioContext || w.webkitOfflineAudioContext;`,
        `  const context = new AudioContext(1, 5000, 44100);`,
        `  const oscillator = context.createOscillator();`,
        `  oscillator.type = 'triangle';`,
        `  oscillator.frequency.value = 10000;`,
        `  const compressor = context.createDynamicsCompressor();`,
        `  compressor.threshold.value = -50;`,
        `  oscillator.connect(compressor);`,
        `  compressor.connect(context.destination);`,
        `  oscillator.start(0);`,
        `  const buffer = await context.startRendering();`,
        `  const samples = buffer.getChannelData(0);`,
        `  let sum = 0;`,
        `  for (let i = 4500; i < 5000; i++) sum += Math.abs(samples[i]);`,
        `  return sum;`,
        `}`,
      ].join('\n'),
      'safari.js': `export function make() {\n  return new webkitOfflineAudioContext(1, 44100, 44100);\n}\nexport const latency = () => new AudioContext().baseLatency;\n`,
    });
    expect(sites(result)).toEqual([
      'audio.ts:4 device.fingerprint OfflineAudioContext',
      'audio.ts:5 device.fingerprint web.offline-audio-context#createOscillator()',
      'audio.ts:8 device.fingerprint web.offline-audio-context#createDynamicsCompressor()',
      'audio.ts:13 device.fingerprint web.offline-audio-context#startRendering()',
      'audio.ts:14 device.fingerprint web.offline-audio-context#startRendering().getChannelData()',
      'safari.js:2 device.fingerprint webkitOfflineAudioContext',
      'safari.js:4 device.fingerprint AudioContext().baseLatency',
    ]);
  });

  it('font probing: a span measured with each font of a list, and document.fonts.check over the list', () => {
    const result = scanProject({
      'fonts.ts': [
        `const BASE_FONTS = ['monospace', 'sans-serif', 'serif'];`,
        `const FONT_LIST = ['Arial Black', 'Calibri', 'Candara', 'Helvetica Neue', 'Segoe UI', 'Ubuntu'];`,
        `export function detectFonts(): string[] {`,
        `  const span = document.createElement('span');`,
        `  span.style.fontSize = '72px';`,
        `  span.textContent = 'mmmmmmmmmmlli';`,
        `  document.body.appendChild(span);`,
        `  const base: Record<string, [number, number]> = {};`,
        `  for (const font of BASE_FONTS) {`,
        `    span.style.fontFamily = font;`,
        `    base[font] = [span.offsetWidth, span.offsetHeight];`,
        `  }`,
        `  const found = FONT_LIST.filter((font) => BASE_FONTS.some((fallback) => {`,
        `    span.style.fontFamily = \`'\${font}', \${fallback}\`;`,
        `    return span.offsetWidth !== base[fallback][0] || span.offsetHeight !== base[fallback][1];`,
        `  }));`,
        `  document.body.removeChild(span);`,
        `  return found;`,
        `}`,
        `export const loaded = () => FONT_LIST.filter((font) => document.fonts.check(\`12px "\${font}"\`));`,
        `export const installed = async () => (await (window as any).queryLocalFonts()).map((font: { family: string }) => font.family);`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'fonts.ts:20 device.info document.fonts.check',
      'fonts.ts:21 device.fingerprint queryLocalFonts',
    ]);
  });

  it('navigator and screen traits gathered into one object and returned, then sent', () => {
    const result = scanProject({
      'traits.ts': [
        `export function browserTraits() {`,
        `  const nav = window.navigator as any;`,
        `  const { width, height, colorDepth } = window.screen;`,
        `  return {`,
        `    userAgent: nav.userAgent,`,
        `    platform: navigator.platform,`,
        `    languages: navigator.languages,`,
        `    cores: navigator.hardwareConcurrency,`,
        `    memory: nav.deviceMemory,`,
        `    touchPoints: navigator.maxTouchPoints || nav.msMaxTouchPoints,`,
        `    plugins: Array.from(navigator.plugins, (plugin) => plugin.name),`,
        `    screen: [width, height, colorDepth, window.devicePixelRatio],`,
        `    frame: [screen.availTop, screen.availLeft],`,
        `    dnt: navigator.doNotTrack,`,
        `    connection: nav.connection?.effectiveType,`,
        `  };`,
        `}`,
      ].join('\n'),
      'send.ts': `import { browserTraits } from './traits';\nexport function report() {\n  return fetch('https://collect.example.com/fp', { method: 'POST', body: JSON.stringify(browserTraits()) });\n}\n`,
    });
    // What browserTraits() returns directly is reported at its call in send.ts (once per API); the
    // destructured screen traits and the plugins mapped by Array.from reach the return through a
    // variable or a call, and stay where they are read.
    expect(sites(result)).toEqual([
      'send.ts:3 device.fingerprint devicePixelRatio',
      'send.ts:3 device.fingerprint navigator.connection',
      'send.ts:3 device.fingerprint navigator.deviceMemory',
      'send.ts:3 device.fingerprint navigator.doNotTrack',
      'send.ts:3 device.fingerprint navigator.hardwareConcurrency',
      'send.ts:3 device.fingerprint navigator.languages',
      'send.ts:3 device.fingerprint navigator.maxTouchPoints',
      'send.ts:3 device.fingerprint navigator.msMaxTouchPoints',
      'send.ts:3 device.fingerprint navigator.platform',
      'send.ts:3 device.fingerprint navigator.userAgent',
      'send.ts:3 device.fingerprint screen.availLeft',
      'send.ts:3 device.fingerprint screen.availTop',
      'traits.ts:3 device.fingerprint screen.width',
      'traits.ts:3 device.fingerprint screen.height',
      'traits.ts:3 device.fingerprint screen.colorDepth',
      'traits.ts:11 device.fingerprint navigator.plugins',
    ]);
    // traits.ts reads signals of eight groups, so the combination rule makes every site device.fingerprint.
    expect(new Set(result.inventory.flows.map((flow) => `${flow.category} ${flow.sink.callee}`))).toEqual(new Set(['device.fingerprint fetch']));
  });


  it('time zone reads: the offset of a new Date and the IANA zone name', () => {
    const result = scanProject({
      'tz.ts': [
        `export function timeZone() {`,
        `  const offset = new Date().getTimezoneOffset();`,
        `  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();`,
        `  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;`,
        `  return { offset, timeZone, locale, zone };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'tz.ts:2 device.info Date().getTimezoneOffset',
      'tz.ts:3 location.coarse Intl.DateTimeFormat().resolvedOptions().timeZone',
      'tz.ts:3 device.info Intl.DateTimeFormat().resolvedOptions().locale',
      'tz.ts:4 location.coarse Intl.DateTimeFormat().resolvedOptions().timeZone',
    ]);
  });

  it('Math on fixed arguments, touch, storage, permission, battery, media device, voice and GPU probes', () => {
    const result = scanProject({
      'math.ts': [
        `const M = Math;`,
        `const fallback = () => 0;`,
        `const acos = M.acos || fallback;`,
        `export function mathFingerprint() {`,
        `  return [acos(0.123124234234234242), M.acosh(1e308), M.asinh(1), M.cos(10.000000000123), M.log1p(10), Math.sin(1), Math.exp(2)];`,
        `}`,
      ].join('\n'),
      'probes.ts': [
        `export async function probes() {`,
        `  const w = window as any;`,
        `  return {`,
        `    touch: [w.ontouchstart !== undefined, (() => { try { document.createEvent('TouchEvent'); return true; } catch { return false; } })()],`,
        `    storage: [!!w.sessionStorage, !!w.indexedDB, typeof w.openDatabase, navigator.cookieEnabled, await navigator.storage.estimate()],`,
        `    notifications: [(await navigator.permissions.query({ name: 'notifications' as PermissionName })).state, Notification.permission],`,
        `    battery: await (navigator as any).getBattery(),`,
        `    devices: (await navigator.mediaDevices.enumerateDevices()).map((device) => device.kind),`,
        `    voices: speechSynthesis.getVoices().map((voice) => voice.name),`,
        `    gpu: (await (navigator as any).gpu.requestAdapter()).info,`,
        `    contrast: matchMedia('(prefers-contrast: more)').matches,`,
        `    hints: await (navigator as any).userAgentData.getHighEntropyValues(['platformVersion', 'model']),`,
        `  };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'math.ts:5 device.fingerprint Math.acos',
      'math.ts:5 device.fingerprint Math.acosh',
      'math.ts:5 device.fingerprint Math.asinh',
      'math.ts:5 device.fingerprint Math.cos',
      'math.ts:5 device.fingerprint Math.log1p',
      'probes.ts:5 device.fingerprint sessionStorage',
      'probes.ts:5 device.fingerprint indexedDB',
      'probes.ts:5 device.fingerprint navigator.cookieEnabled',
      'probes.ts:5 device.fingerprint navigator.storage.estimate',
      'probes.ts:6 device.fingerprint navigator.permissions.query',
      'probes.ts:6 device.fingerprint Notification.permission',
      'probes.ts:7 device.fingerprint navigator.getBattery',
      'probes.ts:8 device.fingerprint navigator.mediaDevices.enumerateDevices',
      'probes.ts:9 device.fingerprint speechSynthesis.getVoices',
      'probes.ts:10 device.fingerprint navigator.gpu.requestAdapter().info',
      'probes.ts:11 device.fingerprint matchMedia',
      'probes.ts:12 device.fingerprint navigator.userAgentData.getHighEntropyValues',
    ]);
  });

  it('legacy and vendor-specific traits, WebGPU adapter info, and libraries loaded by a script tag', () => {
    const result = scanProject({
      'legacy.ts': [
        `export async function legacy() {`,
        `  const w = window as any;`,
        `  const nav = navigator as any;`,
        `  const adapter = await nav.gpu.requestAdapter();`,
        `  return [`,
        `    nav.oscpu, nav.buildID, nav.cpuClass, navigator.mimeTypes, navigator.vendor, navigator.appVersion, navigator.productSub,`,
        `    w.doNotTrack, navigator.webdriver, navigator.pdfViewerEnabled, navigator.javaEnabled(), nav.battery, screen.pixelDepth,`,
        `    nav.webkitTemporaryStorage.queryUsageAndQuota(() => {}), new TouchEvent('touchstart'),`,
        `    await adapter.requestAdapterInfo(),`,
        `    await w.seon.getSession(), await w.getBrowserFingerprint(),`,
        `  ];`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'legacy.ts:6 device.fingerprint navigator.oscpu',
      'legacy.ts:6 device.fingerprint navigator.buildID',
      'legacy.ts:6 device.fingerprint navigator.cpuClass',
      'legacy.ts:6 device.fingerprint navigator.mimeTypes',
      'legacy.ts:6 device.fingerprint navigator.vendor',
      'legacy.ts:6 device.fingerprint navigator.appVersion',
      'legacy.ts:6 device.fingerprint navigator.productSub',
      'legacy.ts:7 device.fingerprint doNotTrack',
      'legacy.ts:7 device.fingerprint navigator.webdriver',
      'legacy.ts:7 device.fingerprint navigator.pdfViewerEnabled',
      'legacy.ts:7 device.fingerprint navigator.javaEnabled',
      'legacy.ts:7 device.fingerprint navigator.battery',
      'legacy.ts:7 device.fingerprint screen.pixelDepth',
      'legacy.ts:8 device.fingerprint navigator.webkitTemporaryStorage.queryUsageAndQuota',
      'legacy.ts:8 device.fingerprint TouchEvent',
      'legacy.ts:9 device.fingerprint navigator.gpu.requestAdapter().requestAdapterInfo',
      'legacy.ts:10 device.fingerprint seon.getSession',
      'legacy.ts:10 device.fingerprint getBrowserFingerprint',
    ]);
  });

  it('fingerprinting libraries: each one’s identifying call', () => {
    const result = scanProject({
      'package.json': JSON.stringify({ name: 'shop', dependencies: {} }),
      'open.ts': [
        `import FingerprintJS from '@fingerprintjs/fingerprintjs';`,
        `import Fingerprint2 from 'fingerprintjs2';`,
        `import { ClientJS } from 'clientjs';`,
        `import { getThumbmark } from '@thumbmarkjs/thumbmarkjs';`,
        `import getBrowserFingerprint from 'get-browser-fingerprint';`,
        `import { getCurrentBrowserFingerPrint } from '@rajesh896/broprint.js';`,
        `export async function ids() {`,
        `  const agent = await FingerprintJS.load();`,
        `  const { visitorId } = await agent.get();`,
        `  const components = await Fingerprint2.getPromise({});`,
        `  const client = new ClientJS();`,
        `  return [visitorId, components, client.getFingerprint(), await getThumbmark(), await getBrowserFingerprint(), await getCurrentBrowserFingerPrint()];`,
        `}`,
      ].join('\n'),
      'vendors.ts': [
        `import * as Fingerprint from '@fingerprint/agent';`,
        `import * as Castle from '@castleio/castle-js';`,
        `import seon from '@seontechnologies/seon-javascript-sdk';`,
        `export async function riskTokens() {`,
        `  const agent = Fingerprint.start({ apiKey: 'public-key' });`,
        `  const castle = Castle.configure({ pk: 'pk_test' });`,
        `  seon.init();`,
        `  return [(await agent.get()).visitor_id, await castle.createRequestToken(), await seon.getSession()];`,
        `}`,
      ].join('\n'),
      'Visitor.tsx': `import { useVisitorData } from '@fingerprintjs/fingerprintjs-pro-react';\nexport function Visitor() {\n  const { data } = useVisitorData({ extendedResult: true });\n  return <span>{data?.visitorId}</span>;\n}\n`,
      'V4.tsx': `import { useVisitorData } from '@fingerprint/react';\nimport { Thumbmark } from '@thumbmarkjs/thumbmarkjs';\nimport { load } from '@fingerprintjs/botd';\nexport function useIds() {\n  const { data } = useVisitorData();\n  return [data, new Thumbmark().get(), load().then((botd) => botd.detect())];\n}\n`,
    });
    // BotD answers "bot or not" from the traits it reads: device.info, not an identifier.
    expect(sites(result)).toEqual([
      'V4.tsx:5 device.fingerprint @fingerprint/react#useVisitorData',
      'V4.tsx:6 device.fingerprint @thumbmarkjs/thumbmarkjs#Thumbmark',
      'V4.tsx:6 device.info @fingerprintjs/botd#load',
      'Visitor.tsx:3 device.fingerprint @fingerprintjs/fingerprintjs-pro-react#useVisitorData',
      'open.ts:8 device.fingerprint @fingerprintjs/fingerprintjs#load',
      'open.ts:10 device.fingerprint fingerprintjs2#getPromise',
      'open.ts:11 device.fingerprint clientjs#ClientJS',
      'open.ts:12 device.fingerprint clientjs#ClientJS().getFingerprint',
      'open.ts:12 device.fingerprint @thumbmarkjs/thumbmarkjs#getThumbmark',
      'open.ts:12 device.fingerprint get-browser-fingerprint#default',
      'open.ts:12 device.fingerprint @rajesh896/broprint.js#getCurrentBrowserFingerPrint',
      'vendors.ts:5 device.fingerprint @fingerprint/agent#start',
      'vendors.ts:6 device.fingerprint @castleio/castle-js#configure',
      'vendors.ts:8 device.fingerprint @castleio/castle-js#configure().createRequestToken',
      'vendors.ts:8 device.fingerprint @seontechnologies/seon-javascript-sdk#getSession',
    ]);
  });
});

describe('near misses: everyday code that reads the same APIs', () => {
  // Escape rule: navigator.language is low and only tested in a condition → no site ([]).
  it('navigator.language picking an i18n locale in a condition is not reported: its value never leaves the function', () => {
    const result = scanProject({
      'i18n.ts': [
        `const MESSAGES = { en: { hello: 'Hello' }, de: { hello: 'Hallo' } };`,
        `export function messages() {`,
        `  if (navigator.language.startsWith('de')) return MESSAGES.de;`,
        `  return MESSAGES.en;`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });

  // Escape rule: matchMedia is low and its result only tested → [].
  it('matchMedia(prefers-color-scheme) in a condition is not reported', () => {
    const result = scanProject({
      'theme.ts': `export function applyTheme() {\n  if (window.matchMedia('(prefers-color-scheme: dark)').matches) {\n    document.documentElement.classList.add('dark');\n  }\n}\n`,
    });
    expect(sites(result)).toEqual([]);
  });

  // Escape rule: the DOM element's offsetWidth is low and only compared → [] for layout.ts.
  it('element.offsetWidth compared for layout is not reported, on a React ref or a DOM element', () => {
    const result = scanProject({
      'Toolbar.tsx': [
        `import { useLayoutEffect, useRef, useState } from 'react';`,
        `export function Toolbar() {`,
        `  const ref = useRef<HTMLDivElement>(null);`,
        `  const [compact, setCompact] = useState(false);`,
        `  useLayoutEffect(() => {`,
        `    if (ref.current && ref.current.offsetWidth < 600) setCompact(true);`,
        `  }, []);`,
        `  return <div ref={ref} className={compact ? 'toolbar compact' : 'toolbar'} />;`,
        `}`,
      ].join('\n'),
      'layout.ts': `export function fitsSidebar() {\n  const sidebar = document.getElementById('sidebar');\n  return sidebar !== null && sidebar.offsetWidth > 280;\n}\n`,
    });
    expect(sites(result)).toEqual([]);
  });

  // window.localStorage.getItem(): the storage entries are probes (`probe: true`): a member of the
  // storage used is the app using it, not a read of whether it is there (a bare `localStorage.getItem()`
  // is not a read at all). See docs/fingerprinting.md.
  it('window.localStorage used as storage is no site, its value returned or not; a bare localStorage none', () => {
    const result = scanProject({
      'prefs.ts': `export function theme() {\n  return localStorage.getItem('theme') ?? window.localStorage.getItem('legacy-theme');\n}\n`,
    });
    expect(sites(result)).toEqual([]);
  });

  // What the rules produce: *.toDataURL is medium (not dropped by the escape rule) and already
  // device.fingerprint, so a chart export stays a device.fingerprint site; the same call is the
  // readback of a canvas fingerprint and the data cannot see what was drawn. The project says so
  // with a purpose annotation (or a suppression) once; docs/fingerprinting.md.
  it('a chart exported as PNG with toDataURL is a medium device.fingerprint site, as a canvas fingerprint would be', () => {
    const result = scanProject({
      'ExportButton.tsx': [
        `export function exportChart(canvas: HTMLCanvasElement | null, title: string) {`,
        `  if (!canvas) return;`,
        `  const link = document.createElement('a');`,
        `  link.download = \`\${title}.png\`;`,
        `  link.href = canvas.toDataURL('image/png');`,
        `  link.click();`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['ExportButton.tsx:5 device.fingerprint web.canvas#toDataURL()']);
  });

  it('getTimezoneOffset for date formatting: nothing when it only shifts a time, device.info when the offset itself is returned', () => {
    const result = scanProject({
      'dates.ts': [
        `export function toLocalISODate(date: Date): string {`,
        `  const offset = date.getTimezoneOffset();`,
        `  return new Date(date.getTime() - offset * 60_000).toISOString().slice(0, 10);`,
        `}`,
        `export function today(): string {`,
        `  const offsetMinutes = new Date().getTimezoneOffset();`,
        `  return new Date(Date.now() - offsetMinutes * 60_000).toISOString().slice(0, 10);`,
        `}`,
        `export function localizeUTCDate(someDate: Date | string) {`,
        `  const utcDate = new Date(someDate);`,
        `  const offset = new Date(someDate).getTimezoneOffset();`,
        `  return utcDate.setMinutes(utcDate.getMinutes() - offset);`,
        `}`,
        `export function clientZone() {`,
        `  return { offset: new Date().getTimezoneOffset() };`,
        `}`,
      ].join('\n'),
    });
    // A time shifted by the offset (date arithmetic, a Date setter) is a time, not the offset: the
    // escape rule holds it back. Returned as it is, the offset leaves (one group: device.info).
    expect(sites(result)).toEqual(['dates.ts:15 device.info Date().getTimezoneOffset']);
  });

  it('a local function or another object’s getParameter is not WebGL', () => {
    const result = scanProject({
      'params.ts': [
        `function getParameter(name: string) {`,
        `  return new URLSearchParams(location.search).get(name);`,
        `}`,
        `export const renderer = getParameter('RENDERER');`,
        `export async function secrets(ssm: any, query: any) {`,
        `  return [await ssm.getParameter({ Name: '/app/VENDOR' }), query.getParameter('vendor'), query.getExtension('pdf')];`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });

  it('Math on ordinary arguments and a live AudioContext’s sound are not reported', () => {
    const result = scanProject({
      'beep.ts': [
        `export function angle(x: number, y: number) {`,
        `  return [Math.atan2(y, x), Math.cos(Math.PI / 4), Math.exp(-x), Math.tanh(y)];`,
        `}`,
        `export function beep(context: AudioContext) {`,
        `  const oscillator = context.createOscillator();`,
        `  oscillator.connect(context.destination);`,
        `  oscillator.start();`,
        `  oscillator.stop(context.currentTime + 0.2);`,
        `}`,
      ].join('\n'),
    });
    // context is typed AudioContext (no model): *.createOscillator, low, never leaves beep() → [] under the escape rule.
    expect(sites(result)).toEqual([]);
  });

  // Combination: a file reading navigator.language (locale) and the time zone (timezone) covers
  // two groups: its sites keep their entries' categories. Expected with both rules:
  //   ['locale.ts:3 device.info navigator.language', 'locale.ts:3 location.coarse Intl.DateTimeFormat().resolvedOptions().timeZone']
  // for `export const prefs = () => ({ language: navigator.language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });`
  it('combination: two signal groups in a file (language and time zone sent to the server) keep their own categories', () => {
    const result = scanProject({
      'prefs.ts': [
        `export function sendPreferences() {`,
        `  const language = navigator.language;`,
        `  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;`,
        `  return fetch('/api/preferences', { method: 'POST', body: JSON.stringify({ language, zone }) });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['prefs.ts:2 device.info navigator.language', 'prefs.ts:3 location.coarse Intl.DateTimeFormat().resolvedOptions().timeZone']);
  });
});
