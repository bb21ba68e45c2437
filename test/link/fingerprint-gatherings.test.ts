import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// The escape rule's feature tests and formatting (src/detect/containment.ts) and the combination rule
// across files (src/link/fingerprint-gatherings.ts), as docs/fingerprinting.md describes them.

/** A fingerprinting library laid out one trait per module, as FingerprintJS's `sources/*.ts`. */
const SOURCES = {
  'src/sources/screen.ts': `export default function getScreenResolution(): [number, number] {\n  return [screen.width, screen.height];\n}\n`,
  'src/sources/languages.ts': `export default function getLanguages(): string[] {\n  return [navigator.language];\n}\n`,
  'src/sources/hardware.ts': `export default function getHardwareConcurrency(): number {\n  return navigator.hardwareConcurrency;\n}\n`,
  'src/sources/session_storage.ts': `export default function getSessionStorage(): boolean {\n  try {\n    return !!window.sessionStorage;\n  } catch {\n    return true;\n  }\n}\n`,
  'src/sources/color_gamut.ts': [
    `export default function getColorGamut(): string | undefined {`,
    `  for (const gamut of ['rec2020', 'p3', 'srgb']) {`,
    `    if (matchMedia(\`(color-gamut: \${gamut})\`).matches) return gamut;`,
    `  }`,
    `  return undefined;`,
    `}`,
  ].join('\n'),
};

describe('feature tests and formatting: a low-confidence value that does not leave as data', () => {
  it('a storage probe cast to a boolean and returned is a feature test, not a collection site', () => {
    const result = scanProject({
      'src/detectors.ts': `export function hasSessionStorage() {\n  try {\n    return !!window.sessionStorage;\n  } catch (e) {\n    return true;\n  }\n}\n`,
    });
    expect(sites(result)).toEqual([]);
  });

  it('a locale given to Intl.NumberFormat or toLocaleString only shapes the number shown', () => {
    const result = scanProject({
      'src/format.ts': [
        `import * as RNLocalize from 'react-native-localize';`,
        `export function confirmations(count: number): string {`,
        `  return new Intl.NumberFormat(RNLocalize.getLocales()[0].languageCode, { maximumSignificantDigits: 3 }).format(count);`,
        `}`,
        `export function price(amount: number): string {`,
        `  return amount.toLocaleString(navigator.language, { style: 'currency', currency: 'EUR' });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });

  it('a time zone kept in an unexported module variable to configure Intl stays in the module; an exported one leaves', () => {
    const result = scanProject({
      'src/i18n.ts': [
        `const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;`,
        `if (timezone && '__setDefaultTimeZone' in Intl.DateTimeFormat) {`,
        `  (Intl.DateTimeFormat as any).__setDefaultTimeZone(timezone);`,
        `}`,
        `export const ready = true;`,
      ].join('\n'),
      'src/zone.ts': `export const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;\n`,
    });
    expect(sites(result)).toEqual(['src/zone.ts:1 location.coarse Intl.DateTimeFormat().resolvedOptions().timeZone']);
  });

  it('near miss: the same locale returned, or sent, is still reported', () => {
    const result = scanProject({
      'src/locale.ts': [
        `export function userLocale(): string {`,
        `  return navigator.language;`,
        `}`,
        `export function sendLocale() {`,
        `  const formatter = new Intl.NumberFormat(navigator.language);`,
        `  return fetch('/api/prefs', { method: 'POST', body: JSON.stringify({ locale: navigator.language, sample: formatter.format(1) }) });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/locale.ts:2 device.info navigator.language', 'src/locale.ts:6 device.info navigator.language']);
  });
});

describe('the combination rule across files', () => {
  it('readers one per file, gathered in a map of sources in another module, are one fingerprint', () => {
    const result = scanProject({
      ...SOURCES,
      'src/sources/index.ts': [
        `import getScreenResolution from './screen';`,
        `import getLanguages from './languages';`,
        `import getHardwareConcurrency from './hardware';`,
        `import getSessionStorage from './session_storage';`,
        `import getColorGamut from './color_gamut';`,
        `export const sources = {`,
        `  screenResolution: getScreenResolution,`,
        `  languages: getLanguages,`,
        `  hardwareConcurrency: getHardwareConcurrency,`,
        `  sessionStorage: getSessionStorage,`,
        `  colorGamut: getColorGamut,`,
        `};`,
      ].join('\n'),
    });
    // Every signal is device.fingerprint; the feature test (!!sessionStorage) and the media query
    // tested in a condition are reported too: their answer is the component the reader returns.
    expect(sites(result)).toEqual([
      'src/sources/color_gamut.ts:3 device.fingerprint matchMedia',
      'src/sources/hardware.ts:2 device.fingerprint navigator.hardwareConcurrency',
      'src/sources/languages.ts:2 device.fingerprint navigator.language',
      'src/sources/screen.ts:2 device.fingerprint screen.width',
      'src/sources/screen.ts:2 device.fingerprint screen.height',
      'src/sources/session_storage.ts:3 device.fingerprint sessionStorage',
    ]);
  });

  it('a function that calls readers of other files and sends the results together combines them', () => {
    const result = scanProject({
      ...SOURCES,
      'src/collect.ts': [
        `import getScreenResolution from './sources/screen';`,
        `import getLanguages from './sources/languages';`,
        `import getHardwareConcurrency from './sources/hardware';`,
        `export async function sendTraits() {`,
        `  const languages = getLanguages();`,
        `  const traits = { screen: getScreenResolution(), languages, cores: getHardwareConcurrency() };`,
        `  await fetch('https://collector.example/t', { method: 'POST', body: JSON.stringify(traits) });`,
        `}`,
      ].join('\n'),
    });
    // The readers return their trait, so their calls are the sites (wrappers); the gathering makes
    // them device.fingerprint. The readers it does not call (session storage, colour gamut) stay quiet.
    expect(sites(result)).toEqual([
      'src/collect.ts:5 device.fingerprint navigator.language',
      'src/collect.ts:6 device.fingerprint screen.height',
      'src/collect.ts:6 device.fingerprint screen.width',
      'src/collect.ts:6 device.fingerprint navigator.hardwareConcurrency',
    ]);
  });

  it('a helper whose answer the reader returns is part of it; a helper that only picks a code path is not', () => {
    const result = scanProject({
      ...SOURCES,
      'src/utils/browser.ts': `export function isWebKit(): boolean {\n  return navigator.vendor.indexOf('Apple') === 0;\n}\n`,
      'src/sources/canvas.ts': [
        `import { isWebKit } from '../utils/browser';`,
        `function doesSupportWinding(context: CanvasRenderingContext2D) {`,
        `  context.rect(0, 0, 10, 10);`,
        `  return !context.isPointInPath(5, 5, 'evenodd');`,
        `}`,
        `export default function getCanvasWinding(context: CanvasRenderingContext2D) {`,
        `  let winding = false;`,
        `  if (!isWebKit()) winding = doesSupportWinding(context);`,
        `  return { winding };`,
        `}`,
      ].join('\n'),
      'src/sources/index.ts': [
        `import getScreenResolution from './screen';`,
        `import getLanguages from './languages';`,
        `import getHardwareConcurrency from './hardware';`,
        `import getCanvasWinding from './canvas';`,
        `export const sources = { screenResolution: getScreenResolution, languages: getLanguages, hardwareConcurrency: getHardwareConcurrency, winding: getCanvasWinding };`,
      ].join('\n'),
    });
    expect(sites(result).filter((site) => site.startsWith('src/sources/canvas.ts') || site.startsWith('src/utils/'))).toEqual(['src/sources/canvas.ts:4 device.fingerprint *.isPointInPath']);
  });

  it('near miss: two unrelated files reading one signal each, never gathered, stay as they are', () => {
    const result = scanProject({
      'src/i18n.ts': `export function defaultLanguage(): string {\n  return navigator.language;\n}\n`,
      'src/layout.ts': `export function isWide(): boolean {\n  return screen.width > 1024;\n}\nexport function screenSize() {\n  return { width: screen.width };\n}\n`,
      'src/app.ts': `import { defaultLanguage } from './i18n';\nimport { screenSize } from './layout';\nexport function start() {\n  console.log(defaultLanguage());\n  return screenSize();\n}\n`,
    });
    expect(sites(result).every((site) => site.includes(' device.info '))).toBe(true);
  });

  it('near miss: a map of screens that read traits for their own ends (not their answer) is not a fingerprint', () => {
    const result = scanProject({
      'src/screens/Settings.ts': `export function Settings() {\n  fetch('/api/prefs', { method: 'POST', body: JSON.stringify({ language: navigator.language }) });\n  if (matchMedia('(prefers-color-scheme: dark)').matches) document.body.classList.add('dark');\n  return null;\n}\n`,
      'src/screens/Gallery.ts': `export function Gallery() {\n  fetch('/api/layout', { method: 'POST', body: JSON.stringify({ width: screen.width }) });\n  return null;\n}\n`,
      'src/screens/Support.ts': `export function Support() {\n  fetch('/api/support', { method: 'POST', body: JSON.stringify({ ua: navigator.userAgent }) });\n  return null;\n}\n`,
      'src/navigation.ts': `import { Settings } from './screens/Settings';\nimport { Gallery } from './screens/Gallery';\nimport { Support } from './screens/Support';\nexport const screens = { Settings, Gallery, Support };\n`,
    });
    expect(sites(result)).toEqual([
      'src/screens/Gallery.ts:2 device.info screen.width',
      'src/screens/Settings.ts:2 device.info navigator.language',
      'src/screens/Support.ts:2 device.info navigator.userAgent',
    ]);
  });

  it('near miss: a utilities object of two readers and a feature test stays below the threshold (tests are not counted)', () => {
    const result = scanProject({
      'src/utils/language.ts': `export function getLanguage(): string {\n  return navigator.language;\n}\n`,
      'src/utils/theme.ts': `export function isDarkMode(): boolean {\n  return matchMedia('(prefers-color-scheme: dark)').matches;\n}\n`,
      'src/utils/mobile.ts': `export function isMobile(): boolean {\n  return /Mobi/.test(navigator.userAgent);\n}\n`,
      'src/utils/index.ts': `import { getLanguage } from './language';\nimport { isDarkMode } from './theme';\nimport { isMobile } from './mobile';\nexport const utils = { getLanguage, isDarkMode, isMobile };\n`,
    });
    expect(sites(result)).toEqual(['src/utils/language.ts:2 device.info navigator.language', 'src/utils/theme.ts:2 device.info matchMedia']);
  });
});
