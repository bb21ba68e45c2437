import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// Probes of issue 16 §1 added to fingerprinting.yaml: each found where a fingerprint gathers it,
// each quiet in the everyday code that reads the same API.

describe('more fingerprinting probes', () => {
  it('architecture, Apple Pay, Private Click Measurement, ad-blocker bait, Math functions held as values, viewport, UA data, gathered as sources', () => {
    const result = scanProject({
      'src/architecture.ts': [
        `export default function getArchitecture() {`,
        `  const f = new Float32Array(1);`,
        `  const bytes = new Uint8Array(f.buffer);`,
        `  f[0] = Infinity;`,
        `  f[0] = f[0] - f[0];`,
        `  return bytes[3];`,
        `}`,
      ].join('\n'),
      'src/apple-pay.ts': `export default function getApplePay() {\n  return ApplePaySession.canMakePayments() ? 1 : 0;\n}\n`,
      'src/pcm.ts': `export default function getPcm() {\n  const link = document.createElement('a');\n  return link.attributionSourceId;\n}\n`,
      'src/blockers.ts': [
        `export default function getBlocked(baits: HTMLElement[]) {`,
        `  const blocked: number[] = [];`,
        `  for (let i = 0; i < baits.length; i++) if (!baits[i].offsetParent) blocked.push(i);`,
        `  return blocked;`,
        `}`,
      ].join('\n'),
      'src/math.ts': `const M = Math;\nexport default function getMath() {\n  const acos = M.acos || (() => 0);\n  return { acos: acos(0.5) };\n}\n`,
      'src/viewport.ts': `export default function getViewport() {\n  return [window.innerWidth, window.innerHeight];\n}\n`,
      'src/cores.ts': `export default function getCores() {\n  return navigator.hardwareConcurrency;\n}\n`,
      'src/index.ts': [
        `import getArchitecture from './architecture';`,
        `import getApplePay from './apple-pay';`,
        `import getPcm from './pcm';`,
        `import getBlocked from './blockers';`,
        `import getMath from './math';`,
        `import getViewport from './viewport';`,
        `import getCores from './cores';`,
        `export const sources = { getArchitecture, getApplePay, getPcm, getBlocked, getMath, getViewport, getCores };`,
      ].join('\n'),
    });
    expect(sites(result).filter((site) => site.startsWith('src/') && !site.startsWith('src/index'))).toEqual([
      'src/apple-pay.ts:2 device.fingerprint ApplePaySession.canMakePayments',
      'src/architecture.ts:2 device.fingerprint Float32Array',
      'src/blockers.ts:3 device.fingerprint *.offsetParent',
      'src/cores.ts:2 device.fingerprint navigator.hardwareConcurrency',
      'src/math.ts:3 device.fingerprint Math.acos',
      'src/pcm.ts:3 device.fingerprint *.attributionSourceId',
      'src/viewport.ts:2 device.fingerprint innerWidth',
      'src/viewport.ts:2 device.fingerprint innerHeight',
    ]);
  });

  it('User-Agent Client Hints held as an object and handed on', () => {
    const result = scanProject({ 'ua.ts': `export function hints() {\n  const ua = navigator.userAgentData;\n  return ua;\n}\n` });
    expect(sites(result)).toEqual(['ua.ts:2 device.info navigator.userAgentData']);
  });

  it('near misses: a vertex buffer, an Apple Pay button test, a visibility check, arithmetic, a layout breakpoint', () => {
    const result = scanProject({
      'everyday.ts': [
        `export function vertices() {`,
        `  return new Float32Array(16);`,
        `}`,
        `export function showApplePay(button: HTMLElement) {`,
        `  if (ApplePaySession.canMakePayments()) button.hidden = false;`,
        `}`,
        `export function isVisible(el: HTMLElement) {`,
        `  return el.offsetParent !== null;`,
        `}`,
        `export function angle(x: number) {`,
        `  return Math.acos(x);`,
        `}`,
        `export function isNarrow() {`,
        `  return window.innerWidth < 600;`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });

  it('the viewport size sent alone is one device.info site', () => {
    const result = scanProject({
      'viewport.ts': `export function send() {\n  return fetch('/collect', { method: 'POST', body: JSON.stringify({ vw: window.innerWidth }) });\n}\n`,
    });
    expect(sites(result)).toEqual(['viewport.ts:2 device.info innerWidth']);
  });

  it('time zone libraries and BotD collect: jstimezonedetect determine() is location.coarse', () => {
    const result = scanProject({
      'tz.ts': [
        `import jstz from 'jstimezonedetect';`,
        `import { collect, detect, sources } from '@fingerprintjs/botd';`,
        `export function zone() {`,
        `  return jstz.determine().name();`,
        `}`,
        `export async function isBot() {`,
        `  const components = await collect(sources);`,
        `  return detect(components, {});`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['tz.ts:4 location.coarse jstimezonedetect#determine', 'tz.ts:7 device.info @fingerprintjs/botd#collect']);
  });
});
