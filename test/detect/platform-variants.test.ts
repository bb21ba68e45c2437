import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// React Native resolves `./deviceKey` to deviceKey.ios.ts / deviceKey.android.ts / deviceKey.native.ts.
const reader = `import DeviceInfo from 'react-native-device-info';\nexport async function readDeviceKey() {\n  return DeviceInfo.getUniqueId();\n}\n`;
const caller = `import { readDeviceKey } from './deviceKey';\nexport async function register() {\n  const key = await readDeviceKey();\n  await fetch('https://api.example.com/devices', { method: 'POST', body: JSON.stringify({ key }) });\n}\n`;

describe('platform-specific files (React Native)', () => {
  it('an import with only platform variants beside it reaches the project module: the wrapper call is the site', () => {
    const result = scanProject({ 'src/deviceKey.ios.ts': reader, 'src/deviceKey.android.ts': reader, 'src/register.ts': caller });
    expect(sites(result).filter((site) => site.startsWith('src/register.ts'))).toEqual(['src/register.ts:3 device.android_id react-native-device-info#getUniqueId', 'src/register.ts:3 device.id react-native-device-info#getUniqueId']);
  });

  it('near miss: a file named like a variant of another module (deviceKey.test.ts) is not one', () => {
    const result = scanProject({ 'src/deviceKey.test.ts': reader, 'src/register.ts': caller });
    expect(sites(result).filter((site) => site.startsWith('src/register.ts'))).toEqual([]);
  });
});
