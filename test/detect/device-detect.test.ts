import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// react-device-detect's constants are parsed from the user agent: traits that count where they leave (`sent: true`).
const lines = (...source: string[]) => source.join('\n') + '\n';

describe('react-device-detect', () => {
  it('the browser name and OS version sent with a request are sites; a device type used for layout or a version gate is not', () => {
    const result = scanProject({
      'src/device.ts': lines(
        `import { browserName, osVersion, isMobile, browserVersion } from 'react-device-detect';`,
        `export async function register(id: string) {`,
        `  await fetch('https://api.example.com/devices', { method: 'POST', body: JSON.stringify({ id, source: browserName, os: osVersion }) });`,
        `}`,
        `export const columns = () => (isMobile ? 1 : 3);`,
        `export const supported = () => Number(browserVersion) >= 15;`,
      ),
    });
    expect(sites(result)).toEqual([
      'src/device.ts:3 device.info react-device-detect#browserName',
      'src/device.ts:3 device.info react-device-detect#osVersion',
    ]);
  });
});
