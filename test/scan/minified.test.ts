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

  it('analyses a component drawing an icon whose SVG path, with almost no whitespace, is most of the file', () => {
    const path = Array.from({ length: 1500 }, (_, index) => `L${index % 97}.${index % 7},${(index * 3) % 89}.5`).join('');
    const icon = [
      `import React from 'react';`,
      `import { Path } from 'react-native-svg';`,
      ``,
      `export function Icon({ color }: { color: string }) {`,
      `  return <Path fill={color} d="M0,0${path}Z" />;`,
      `}`,
      ``,
    ].join('\n');
    expect(icon.length).toBeGreaterThan(10000);
    expect(minification(icon)).toBeUndefined();
  });

  it('still skips a bundle that carries long strings of its own', () => {
    const bundle = `${'function a(b){return b+1};var c=a(2);'.repeat(200)}var d="${'x'.repeat(3000)}";${'var e=c?d:a(c);'.repeat(200)}\n`;
    expect(minification(bundle)).toMatch(/^skipped: looks minified/);
  });

  it('leaves short files alone however they look', () => {
    expect(minification('var a=1;'.repeat(100))).toBeUndefined();
  });
});
