// Wrappers nested a thousand deep: every call site is found however deep the chain, and its `via`
// stays short — the outermost steps, then the innermost with how many were left out.
import { describe, expect, it } from 'vitest';
import { MAX_VIA_STEPS } from '../../src/link/via-chain.js';
import { formatJson } from '../../src/report/json.js';
import { scanProject } from '../helpers/temp-project.js';

const WRAPPERS = 1_000;

/** w0 returns the API; each next wrapper returns the one before; `calls` says which wrappers are called from top level. */
function nestedWrappers(calls: number[]): string {
  const lines = [`import DeviceInfo from 'react-native-device-info';`, 'export function w0() {', '  return DeviceInfo.getUniqueId();', '}'];
  for (let index = 1; index < WRAPPERS; index++) lines.push(`export function w${index}() {`, `  return w${index - 1}();`, '}');
  for (const index of calls) lines.push(`export const id${index} = w${index}();`);
  return `${lines.join('\n')}\n`;
}

describe('nested wrappers', () => {
  it('report the outermost call with a summarised via chain, and small JSON', () => {
    const result = scanProject({ 'src/wrappers.ts': nestedWrappers([WRAPPERS - 1]) });
    const sites = result.inventory.collections;
    expect(sites.map((site) => `${site.category} ${site.api}`)).toEqual(['device.android_id react-native-device-info#getUniqueId', 'device.id react-native-device-info#getUniqueId']);
    const via = sites[0]!.via;
    expect(via).toHaveLength(MAX_VIA_STEPS + 1);
    expect(via[0]!.note).toBe(`w${WRAPPERS - 1}() returns w${WRAPPERS - 2}()`);
    // The chain has a step per wrapper: the first MAX_VIA_STEPS are shown, then the innermost, counting the others.
    expect(via.at(-1)).toMatchObject({ line: 3, note: `… ${WRAPPERS - MAX_VIA_STEPS - 1} more wrapper calls, down to: w0() returns react-native-device-info#getUniqueId` });
    expect(formatJson(result).length).toBeLessThan(100_000);
  });

  it('keep every site of a chain where each wrapper is called, each via bounded', () => {
    const result = scanProject({ 'src/wrappers.ts': nestedWrappers(Array.from({ length: WRAPPERS }, (_, index) => index)) });
    const sites = result.inventory.collections;
    expect(sites).toHaveLength(WRAPPERS * 2);
    expect(Math.max(...sites.map((site) => site.via.length))).toBe(MAX_VIA_STEPS + 1);
    // The shortest chains are shown whole.
    expect(sites.find((site) => site.line === WRAPPERS * 3 + 3)!.via.map((step) => step.note)).toEqual(['w1() returns w0()', 'w0() returns react-native-device-info#getUniqueId']);
    console.info(`2,000 sites of 1,000 nested wrappers: ${(formatJson(result).length / 1e6).toFixed(1)} MB of JSON`);
  });

  it('are followed across files however deep, whatever order the files are linked in', () => {
    const files: Record<string, string> = {
      'src/a-app.ts': `import { w299 } from './w/w299';\nimport { w150 } from './w/w150';\nexport const deep = w299();\nexport const middle = w150();\n`,
      'src/w/w0.ts': `import DeviceInfo from 'react-native-device-info';\nexport function w0() {\n  return DeviceInfo.getUniqueId();\n}\n`,
    };
    for (let index = 1; index < 300; index++) files[`src/w/w${index}.ts`] = `import { w${index - 1} } from './w${index - 1}';\nexport function w${index}() {\n  return w${index - 1}();\n}\n`;
    const result = scanProject(files);
    expect([...new Set(result.inventory.collections.map((site) => `${site.file}:${site.line}`))]).toEqual(['src/a-app.ts:3', 'src/a-app.ts:4']);
  });
});
