import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// Device traits of React Native core, netinfo, Firebase and the desktop (react-native.yaml, node.yaml,
// desktop.yaml, sinks.yaml). Low-confidence traits are sites only where their value leaves the function.

const lines = (...source: string[]) => source.join('\n') + '\n';

describe('React Native core device traits', () => {
  it('locale constants where they leave; Dimensions.get and PixelRatio.get only where they reach a sink; not where only compared', () => {
    const result = scanProject({
      'src/context.ts': lines(
        `import { Dimensions, NativeModules, PixelRatio } from 'react-native';`,
        `declare function track(event: string, context: object): void;`,
        `export function mobileContext() {`,
        `  const language = NativeModules.SettingsManager?.settings?.AppleLocale;`,
        `  const androidLanguage = NativeModules.I18nManager.localeIdentifier;`,
        `  const size = Dimensions.get('window');`,
        `  track('open', { language, androidLanguage });`,
        `  return fetch('https://collector.example.com/e', { method: 'POST', body: JSON.stringify({ width: size.width, scale: PixelRatio.get() }) });`,
        `}`,
        `export const layout = () => track('layout', { width: Dimensions.get('window').width * PixelRatio.get() });`,
        `export function isTablet() {`,
        `  return Dimensions.get('screen').width > 600 && NativeModules.I18nManager.localeIdentifier !== 'ar';`,
        `}`,
        `export function rtl() {`,
        `  if (NativeModules.SettingsManager.settings.AppleLocale === 'he_IL') console.log('rtl');`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'src/context.ts:4 device.info react-native#NativeModules.SettingsManager.settings.AppleLocale',
      'src/context.ts:5 device.info react-native#NativeModules.I18nManager.localeIdentifier',
      'src/context.ts:6 device.info react-native#Dimensions.get',
      'src/context.ts:8 device.info react-native#PixelRatio.get',
    ]);
  });

  it('the remoteNotificationsRegistered event carries the push token; other events do not', () => {
    const result = scanProject({
      'src/listen.ts': lines(
        `import { DeviceEventEmitter, NativeEventEmitter, NativeModules } from 'react-native';`,
        `declare function upload(token: string): void;`,
        `export function listen() {`,
        `  DeviceEventEmitter.addListener('remoteNotificationsRegistered', (token: string) => upload(token));`,
        `  DeviceEventEmitter.addListener('notificationOpened', (data: unknown) => console.log(data));`,
        `  new NativeEventEmitter(NativeModules.Push).addListener('remoteNotificationsRegistered', upload);`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'src/listen.ts:4 device.push_token react-native#DeviceEventEmitter.addListener',
      'src/listen.ts:6 device.push_token react-native#NativeEventEmitter().addListener',
    ]);
  });
});

describe('netinfo and Firebase ids', () => {
  it('the cellular generation where it is logged; not where only compared', () => {
    const result = scanProject({
      'src/network.ts': lines(
        `import NetInfo, { useNetInfo } from '@react-native-community/netinfo';`,
        `declare function logConnection(info: object): void;`,
        `export function useConnectionLog() {`,
        `  const info = useNetInfo();`,
        `  logConnection({ type: info.type, generation: info.details?.cellularGeneration });`,
        `}`,
        `export async function isSlow() {`,
        `  const state = await NetInfo.fetch();`,
        `  return state.details?.cellularGeneration === '2g';`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual(['src/network.ts:5 device.info @react-native-community/netinfo#useNetInfo().details.cellularGeneration']);
  });

  it('getAppInstanceId on the modular analytics instance', () => {
    const result = scanProject({
      'src/analytics.ts': lines(
        `import { getAnalytics, logEvent } from '@react-native-firebase/analytics';`,
        `const analytics = getAnalytics();`,
        `export const instanceId = () => analytics.getAppInstanceId();`,
        `export const log = (name: string) => logEvent(analytics, name);`,
      ),
    });
    expect(sites(result)).toEqual(['src/analytics.ts:3 device.id @react-native-firebase/analytics#getAnalytics().getAppInstanceId']);
  });
});

describe('desktop OS traits', () => {
  it('process.getSystemVersion, process.platform and os.release where they reach a sink; not in a platform test or a dialog', () => {
    const result = scanProject({
      'src/analytics.ts': lines(
        `import os from 'node:os';`,
        `import { getPlatform } from './platform';`,
        `declare function showDialog(detail: string): void;`,
        `export function trackOpen() {`,
        `  const context = { os: { name: getPlatform(), version: process.getSystemVersion(), release: os.release() } };`,
        `  return fetch('https://api.example.com/track', { method: 'POST', body: JSON.stringify(context) });`,
        `}`,
        `export const isMac = () => process.platform === 'darwin' || os.platform() === 'darwin';`,
        `export const about = () => showDialog(\`OS: \${os.type()} \${os.release()}\`);`,
      ),
      'src/platform.ts': `export const getPlatform = () => process.platform;\n`,
    });
    expect(sites(result)).toEqual([
      'src/analytics.ts:5 device.info process.getSystemVersion',
      'src/analytics.ts:5 device.info os#release',
      'src/platform.ts:1 device.info process.platform',
    ]);
  });
});

describe('expo-mail-composer', () => {
  it('what goes into composeAsync leaves the device; a plain e-mail composer call with constants has no flow', () => {
    const result = scanProject({
      'src/support.ts': lines(
        `import * as MailComposer from 'expo-mail-composer';`,
        `import messaging from '@react-native-firebase/messaging';`,
        `export async function emailSupport() {`,
        `  const token = await messaging().getToken();`,
        `  await MailComposer.composeAsync({ recipients: ['support@example.com'], body: JSON.stringify({ token }) });`,
        `}`,
        `export const feedback = () => MailComposer.composeAsync({ recipients: ['support@example.com'], subject: 'Feedback' });`,
      ),
    });
    expect(result.inventory.flows.map((flow) => `${flow.category} ${flow.sink.kind} ${flow.sink.callee} ${flow.sink.line}`)).toEqual([
      'device.push_token network MailComposer.composeAsync 5',
    ]);
  });
});

describe('a named value beside a catalogued trait in one call', () => {
  it('is still a site when the trait is one that counts only when sent: the OS version in the same event does not explain an account id', () => {
    const result = scanProject({
      'src/track.ts': lines(
        `import os from 'node:os';`,
        `export async function track(session: { hashedAccountId: string }) {`,
        `  const context = { os: os.release() };`,
        `  await fetch('https://api.example.com/track', { method: 'POST', body: JSON.stringify({`,
        `    context,`,
        `    userId: session.hashedAccountId,`,
        `  }) });`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'src/track.ts:3 device.info os#release',
      'src/track.ts:6 identity.account_id name:userId',
    ]);
  });
});

describe('camera components rendered in JSX (kind: element)', () => {
  it('the element of a camera package is the site; a project component named Camera is not', () => {
    const result = scanProject({
      'src/Scanner.tsx': lines(
        `import { Camera } from 'react-native-camera-kit';`,
        `import { CameraView } from 'expo-camera';`,
        `import { Camera as VisionCamera } from 'react-native-vision-camera';`,
        `export const Scanner = ({ onCode }: { onCode: (code: string) => void }) => (`,
        `  <Camera scanBarcode onReadCode={(event: { nativeEvent: { codeStringValue: string } }) => onCode(event.nativeEvent.codeStringValue)} />`,
        `);`,
        `export const Preview = () => <CameraView facing="back" />;`,
        `export const Live = ({ device }: { device: object }) => <VisionCamera device={device} isActive />;`,
      ),
      'src/Gallery.tsx': lines(
        `import { Camera } from './Camera';`,
        `export const Gallery = () => <Camera title="Holiday" />;`,
      ),
      'src/Camera.tsx': `export const Camera = ({ title }: { title: string }) => <h1>{title}</h1>;\n`,
    });
    expect(sites(result)).toEqual([
      'src/Scanner.tsx:5 media.camera react-native-camera-kit#Camera',
      'src/Scanner.tsx:7 media.camera expo-camera#CameraView',
      'src/Scanner.tsx:8 media.camera react-native-vision-camera#Camera',
    ]);
  });
});

describe('a native module token getter (NativeModules.*.getToken)', () => {
  it('is a push token on any native module; another method of it is not', () => {
    const result = scanProject({
      'src/push.ts': lines(
        `import { NativeModules } from 'react-native';`,
        `export async function androidToken() {`,
        `  return await NativeModules.Notifications.getToken();`,
        `}`,
        `export const badge = () => NativeModules.Notifications.getBadgeCount();`,
        `export const appToken = () => NativeModules.PushModule.getFCMToken();`,
      ),
    });
    expect(sites(result)).toEqual([
      'src/push.ts:3 device.push_token react-native#NativeModules.*.getToken',
      'src/push.ts:6 device.push_token react-native#NativeModules.*.getFCMToken',
    ]);
  });
});

describe('an identity-verification iframe given the camera', () => {
  it('new Ubble.IDV(element, { allowCamera: true }) opens the camera; allowCamera: false does not, nor getUserMedia asking for nothing', () => {
    const result = scanProject({
      'src/verify.ts': lines(
        `declare const Ubble: { IDV: new (element: HTMLElement | null, options: object) => { destroy(): void } };`,
        `export function verify(identificationUrl: string) {`,
        `  return new Ubble.IDV(document.getElementById('idv'), { width: '100%', allowCamera: true, identificationUrl });`,
        `}`,
        `export const preview = (identificationUrl: string) => new Ubble.IDV(document.getElementById('idv'), { allowCamera: false, identificationUrl });`,
        `export const probe = () => navigator.mediaDevices.getUserMedia({ video: false, audio: false });`,
      ),
    });
    expect(sites(result)).toEqual(['src/verify.ts:3 media.camera Ubble.IDV']);
  });
});

describe('elements given a device permission by an attribute', () => {
  it('<iframe allow="camera"> and a WebView granting media capture; not an iframe allowed only fullscreen, nor a plain WebView', () => {
    const result = scanProject({
      'src/Verify.tsx': lines(
        `import { WebView } from 'react-native-webview';`,
        `export const Verify = ({ url }: { url: string }) => <iframe src={url} allow="camera 'self'; microphone" />;`,
        `export const Video = ({ url }: { url: string }) => <iframe src={url} allow="fullscreen" />;`,
        `export const Native = ({ url }: { url: string }) => <WebView source={{ uri: url }} mediaCapturePermissionGrantType="grant" />;`,
        `export const Help = ({ url }: { url: string }) => <WebView source={{ uri: url }} />;`,
      ),
    });
    expect(sites(result)).toEqual([
      'src/Verify.tsx:2 media.camera iframe',
      'src/Verify.tsx:4 media.camera react-native-webview#WebView',
    ]);
  });
});

describe('Segment Node page views', () => {
  it('what goes into analytics.page() leaves like analytics.track(); a flush carries nothing of its own', () => {
    const result = scanProject({
      'src/main/analytics.ts': lines(
        `import { Analytics } from '@segment/analytics-node';`,
        `const analytics = new Analytics({ writeKey: 'key' });`,
        `export function trackPageView() {`,
        `  const context = { os: { version: process.getSystemVersion() } };`,
        `  analytics.page({ name: 'Home', context });`,
        `}`,
        `export const flush = () => analytics.closeAndFlush();`,
      ),
    });
    expect(result.inventory.flows.map((flow) => `${flow.category} ${flow.api} ${flow.sink.callee} ${flow.sink.line}`)).toEqual([
      'device.info process.getSystemVersion analytics.page 5',
    ]);
    expect(sites(result)).toEqual(['src/main/analytics.ts:4 device.info process.getSystemVersion']);
  });
});
