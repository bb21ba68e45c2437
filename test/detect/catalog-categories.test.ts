import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

describe('catalog categories that depend on what the code reads, asks for, or runs on', () => {
  it('netinfo: only the details that are personal are sources, however the state is obtained', () => {
    const result = scanProject({
      'a.ts': [
        `import NetInfo, { useNetInfo } from '@react-native-community/netinfo';`,
        `export async function a() { return (await NetInfo.fetch()).isConnected; }`,
        `export async function b() { const state = await NetInfo.fetch(); return state.details?.ssid; }`,
        `NetInfo.fetch().then((state) => state.details.ipAddress);`,
        `NetInfo.addEventListener((state) => { console.log(state.type, state.details?.bssid); });`,
        `export function C() { const { details } = useNetInfo(); return details?.carrier; }`,
        `export function D() { const info = useNetInfo(); return info.isInternetReachable; }`,
        `NetInfo.addEventListener((state) => state.isConnected);`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'a.ts:3 network.wifi @react-native-community/netinfo#fetch().details.ssid',
      'a.ts:4 network.ip_address @react-native-community/netinfo#fetch().details.ipAddress',
      'a.ts:5 network.wifi @react-native-community/netinfo#addEventListener()=>0:0.details.bssid',
      'a.ts:6 network.carrier @react-native-community/netinfo#useNetInfo().details.carrier',
    ]);
  });

  it('getUserMedia: camera for video, microphone for audio, both when the constraints are unknown', () => {
    const result = scanProject({
      'a.js': [
        `navigator.mediaDevices.getUserMedia({ audio: true });`,
        `navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' } });`,
        `navigator.mediaDevices.getUserMedia({ audio: true, video: false });`,
        `export function f(constraints) { return navigator.mediaDevices.getUserMedia(constraints); }`,
        `const VOICE = { audio: { echoCancellation: true } };`,
        `navigator.mediaDevices.getUserMedia(VOICE);`,
        `navigator.mediaDevices.getUserMedia({ video: true, audio: true });`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'a.js:1 media.microphone navigator.mediaDevices.getUserMedia',
      'a.js:2 media.camera navigator.mediaDevices.getUserMedia',
      'a.js:3 media.microphone navigator.mediaDevices.getUserMedia',
      'a.js:4 media.camera navigator.mediaDevices.getUserMedia',
      'a.js:4 media.microphone navigator.mediaDevices.getUserMedia',
      'a.js:6 media.microphone navigator.mediaDevices.getUserMedia',
      'a.js:7 media.camera navigator.mediaDevices.getUserMedia',
      'a.js:7 media.microphone navigator.mediaDevices.getUserMedia',
    ]);
  });

  it('an id that is the Android ID on Android is reported as both categories (getUniqueId, device.uuid, Device.getId)', () => {
    const result = scanProject({
      'a.ts': [
        `import DeviceInfo from 'react-native-device-info';`,
        `import { Device } from '@capacitor/device';`,
        `declare const device: { uuid: string };`,
        `export const a = DeviceInfo.getUniqueId();`,
        `export const b = device.uuid;`,
        `export const c = Device.getId();`,
        `export const d = DeviceInfo.getAndroidId();`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'a.ts:4 device.android_id react-native-device-info#getUniqueId',
      'a.ts:4 device.id react-native-device-info#getUniqueId',
      'a.ts:5 device.android_id device.uuid',
      'a.ts:5 device.id device.uuid',
      'a.ts:6 device.android_id @capacitor/device#Device.getId',
      'a.ts:6 device.id @capacitor/device#Device.getId',
      'a.ts:7 device.android_id react-native-device-info#getAndroidId',
    ]);
  });

  it('a manifest that declares only device.id is told about the Android ID as well', () => {
    const manifest = 'version: 1\napp: { name: t }\ncategories:\n  - id: device.id\n    uses: [{ purposes: [analytics], basis: legitimate_interest }]\n';
    const result = scanProject({
      'privacy-manifest.yaml': manifest,
      'a.ts': `import DeviceInfo from 'react-native-device-info';\n// @privacy-purpose analytics\nexport const a = DeviceInfo.getUniqueId();\n`,
    });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.category}`)).toEqual(['no-undeclared-collection device.android_id']);
  });

  it('one missing annotation or consent check at such a place is one finding, for the API\'s own category', () => {
    const manifest = [
      'version: 1',
      'app: { name: t }',
      'consents: { analytics: { mode: opt-in } }',
      'categories:',
      '  - id: device.id',
      '    uses: [{ purposes: [analytics], basis: consent, consent: analytics }]',
      '  - id: device.android_id',
      '    uses: [{ purposes: [analytics], basis: consent, consent: analytics }]',
    ].join('\n');
    const result = scanProject({
      'privacy-manifest.yaml': manifest,
      'a.ts': `import DeviceInfo from 'react-native-device-info';\nexport const a = DeviceInfo.getUniqueId();\n// @privacy-purpose analytics\nexport const b = DeviceInfo.getUniqueId();\n// @privacy-purpose analytcs\nexport const c = DeviceInfo.getUniqueId();\n`,
    });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.line} ${finding.category}`)).toEqual([
      'require-consent-check 2 device.id',
      'require-purpose 2 device.id',
      'require-consent-check 4 device.id',
      'declared-purpose 6 device.id',
    ]);
  });
});
