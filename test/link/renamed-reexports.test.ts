import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

// A package API re-exported under another name (`export { getUniqueId as getDeviceId } from …`) is
// still that API at the importer's call, and the renaming is a step of the site's via chain: the
// call's name no longer says which API it is.

const lines = (...source: string[]) => source.join('\n') + '\n';

describe('re-exports that rename a package API', () => {
  it('keep the catalogued API at the call and show the renaming as a via step; a re-export under the same name adds none', () => {
    const result = scanProject({
      'src/libs/device/getDeviceId.ts': `export { getUniqueId as getDeviceId } from 'react-native-device-info';\n`,
      'src/libs/device/index.ts': lines(`export { getDeviceId } from './getDeviceId';`, `export { getIpAddress } from 'react-native-device-info';`),
      'src/api/headers.ts': lines(
        `import { getDeviceId, getIpAddress } from '../libs/device';`,
        `export async function headers() {`,
        `  const id = await getDeviceId();`,
        `  const ip = await getIpAddress();`,
        `  return fetch('https://api.example.com/hello', { headers: { 'device-id': id, 'x-ip': ip } });`,
        `}`,
      ),
    });
    const view = result.inventory.collections.map((site) => `${site.file}:${site.line} ${site.category} ${site.api} via [${site.via.map((step) => `${step.file}:${step.line} ${step.note}`).join('; ')}]`);
    expect(view).toEqual([
      'src/api/headers.ts:3 device.android_id react-native-device-info#getUniqueId via [src/libs/device/getDeviceId.ts:1 getDeviceId is getUniqueId of react-native-device-info, re-exported under another name]',
      'src/api/headers.ts:3 device.id react-native-device-info#getUniqueId via [src/libs/device/getDeviceId.ts:1 getDeviceId is getUniqueId of react-native-device-info, re-exported under another name]',
      'src/api/headers.ts:4 network.ip_address react-native-device-info#getIpAddress via []',
    ]);
  });
});
