import { describe, expect, it } from 'vitest';
import { minification } from '../../src/project/read-source.js';
import { scanProject, sites } from '../helpers/temp-project.js';

const FONTS = Array.from({ length: 400 }, (_, index) => `'Font Family ${index}'`).join(', ');

describe('minified files are judged on the whole file', () => {
  it('skips a bundle squeezed onto a few lines with almost no whitespace, saying why', () => {
    const bundle = `/*! lib v1 */\n${'function a(b){return b+1};var c=a(2);'.repeat(400)}\n`;
    expect(minification(bundle)).toMatch(/^skipped: looks minified \(\d+ characters a line on average, \d+\.\d% whitespace\)/);
  });

  it('analyses a hand-written file with one very long line (a font list) or a long SVG path', () => {
    const handWritten = `import DeviceInfo from 'react-native-device-info';\n\nexport const FONTS = [${FONTS}];\n\nexport function deviceId() {\n  return DeviceInfo.getUniqueId();\n}\n`;
    expect(handWritten.split('\n')[2]!.length).toBeGreaterThan(5000);
    expect(minification(handWritten)).toBeUndefined();
    const result = scanProject({ 'src/fonts.ts': handWritten });
    expect(sites(result)).toContain('src/fonts.ts:6 device.id react-native-device-info#getUniqueId');
    expect(result.inventory.diagnostics).toEqual([]);
  });

  it('leaves short files alone however they look', () => {
    expect(minification('var a=1;'.repeat(100))).toBeUndefined();
  });
});
