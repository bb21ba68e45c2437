import { describe, expect, it } from 'vitest';
import { DEVICE, flows, scanWithManifest } from '../flows/helpers.js';
import { sites } from '../helpers/temp-project.js';

// Data passed to a method of a project class's instance, or of an object a project function returns
// (generated API clients, service singletons), follows the method's body to its sink.

const TRANSPORT = `export async function send(url: string, options: RequestInit) {\n  return fetch(url, options);\n}\n`;

describe('methods of project class instances', () => {
  it('follows an argument into a method of an exported singleton made with new (ESM)', () => {
    expect(
      flows({
        'src/transport.ts': TRANSPORT,
        'src/api/client.ts': [
          `import { send } from '../transport';`,
          `export class DevicesApi {`,
          `  constructor(private base: string) {}`,
          `  async register(deviceId: string) {`,
          `    return send(this.base + '/devices', { method: 'POST', body: JSON.stringify({ deviceId }) });`,
          `  }`,
          `  ping = async (at: number) => send(this.base + '/ping', { body: String(at) });`,
          `}`,
        ].join('\n'),
        'src/api/index.ts': `import { DevicesApi } from './client';\nexport const api = new DevicesApi('https://api.shop.example');\n`,
        'src/a.ts': DEVICE + `import { api } from './api';\nexport async function a() {\n  const id = await DeviceInfo.getUniqueId();\n  await api.register(id);\n}\n`,
      }),
    ).toEqual(['src/a.ts:4 device.id → src/transport.ts:2 fetch']);
  });

  it('follows a singleton exported with module.exports = new Service() (CommonJS)', () => {
    expect(
      flows({
        'src/service.js': [
          `class Telemetry {`,
          `  report(payload) {`,
          `    return fetch('https://telemetry.example.net/v1', { method: 'POST', body: JSON.stringify(payload) });`,
          `  }`,
          `}`,
          `module.exports = new Telemetry();`,
        ].join('\n'),
        'src/a.js': `const DeviceInfo = require('react-native-device-info');\nconst telemetry = require('./service');\nasync function a() {\n  telemetry.report({ id: await DeviceInfo.getUniqueId() });\n}\nmodule.exports = { a };\n`,
      }),
    ).toEqual(['src/a.js:4 device.id → src/service.js:3 fetch']);
  });

  it('keeps named data passed to a generated client only where the client sends it (a near miss: a method that keeps it)', () => {
    const result = scanWithManifest({
      'src/transport.ts': TRANSPORT,
      'src/gen/api.ts': [
        `import { send } from '../transport';`,
        `export const ParamCreator = function () {`,
        `  return {`,
        `    calendar(latitude: number, longitude: number) {`,
        `      const query: Record<string, number> = {};`,
        `      query['latitude'] = latitude;`,
        `      query['longitude'] = longitude;`,
        `      return { url: '/calendar?' + new URLSearchParams(query as never), options: {} };`,
        `    },`,
        `  };`,
        `};`,
        `export const ApiFp = function (configuration: { basePath: string }) {`,
        `  return {`,
        `    async calendar(lat: number, lng: number) {`,
        `      const args = ParamCreator().calendar(lat, lng);`,
        `      return send(configuration.basePath + args.url, args.options);`,
        `    },`,
        `  };`,
        `};`,
        `export class DefaultApi {`,
        `  constructor(private configuration: { basePath: string }) {}`,
        `  calendar(lat: number, lng: number) {`,
        `    return ApiFp(this.configuration).calendar(lat, lng);`,
        `  }`,
        `  remember(lat: number) {`,
        `    const last = { lat };`,
        `    return last;`,
        `  }`,
        `}`,
      ].join('\n'),
      'src/api.ts': `import { DefaultApi } from './gen/api';\nexport const api = new DefaultApi({ basePath: 'https://api.shop.example' });\n`,
      'src/screen.ts': [
        `import { api } from './api';`,
        `export function load(position: { latitude: number; longitude: number }) {`,
        `  const latitude = position.latitude;`,
        `  api.remember(latitude);`,
        `  return api.calendar(latitude, 0);`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result).filter((site) => site.startsWith('src/screen.ts'))).toEqual(['src/screen.ts:5 location.precise name:latitude']);
  });
});

describe('methods of objects project functions return', () => {
  it('follows makeClient(config).method(value) across files', () => {
    expect(
      flows({
        'src/client.ts': [
          `export function makeClient(base: string) {`,
          `  const post = (path: string, body: unknown) => fetch(base + path, { method: 'POST', body: JSON.stringify(body) });`,
          `  return {`,
          `    identify: (id: string) => post('/identify', { id }),`,
          `    noop(id: string) { return id.length; },`,
          `  };`,
          `}`,
        ].join('\n'),
        'src/a.ts': DEVICE + `import { makeClient } from './client';\nexport async function a() {\n  const id = await DeviceInfo.getUniqueId();\n  makeClient('https://api.shop.example').identify(id);\n  makeClient('https://api.shop.example').noop(id);\n}\n`,
      }),
    ).toEqual(['src/a.ts:4 device.id → src/client.ts:2 fetch']);
  });

  it('does not report every request of a client whose transport calls an SDK on failure as an SDK call', () => {
    const result = scanWithManifest({
      'src/transport.ts': `import * as Sentry from '@sentry/react-native';\nexport async function send(url: string) {\n  try {\n    return await fetch(url);\n  } catch (error) {\n    Sentry.captureException(error);\n  }\n}\n`,
      'src/gen/api.ts': `import { send } from '../transport';\nexport class DefaultApi {\n  offers() {\n    return send('/offers');\n  }\n}\n`,
      'src/api.ts': `import { DefaultApi } from './gen/api';\nexport const api = new DefaultApi();\n`,
      'src/screen.ts': `import { api } from './api';\nexport const load = () => api.offers();\n`,
    });
    expect(result.inventory.sdkCalls.map((call) => `${call.file}:${call.line}`)).toEqual(['src/gen/api.ts:4', 'src/transport.ts:6']);
  });
});
