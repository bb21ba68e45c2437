// Electron's IPC bridge: a renderer's `window.key.member(…)` runs the main-process handler of the channel
// the preload's exposed function sends on, so an SDK the handler calls is an SDK call at the renderer.
import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';
import type { ScanResult } from '../../src/scan.js';

const callsIn = (result: ScanResult, file: string) => result.inventory.sdkCalls.filter((call) => call.file === file).map((call) => `${call.line} ${call.package} ${call.callee}`);

const PRELOAD = [
  `import { contextBridge, ipcRenderer } from 'electron';`,
  `const bridge = {`,
  `  trackEvent: (options: object) => ipcRenderer.send('trackEvent', options),`,
  `  openFile: (path: string) => ipcRenderer.invoke('openFile', path),`,
  `};`,
  `contextBridge.exposeInMainWorld('bridge', bridge);`,
  ``,
].join('\n');

const ANALYTICS = [
  `import { Analytics } from '@segment/analytics-node';`,
  `const analytics = new Analytics({ writeKey: 'key' });`,
  `export function trackEvent(event: string) {`,
  `  analytics.track({ event, anonymousId: 'anonymous' });`,
  `}`,
  ``,
].join('\n');

const RENDERER = [
  `export function onSend() {`,
  `  window.bridge.trackEvent({ event: 'request sent' });`,
  `  window.bridge.openFile('/tmp/x');`,
  `  window.other.trackEvent({ event: 'not the bridge' });`,
  `}`,
  ``,
].join('\n');

describe('Electron IPC bridge', () => {
  it('a renderer call of an exposed function reaches the SDK the main handler calls, with the chain', () => {
    const result = scanProject({
      'src/preload.ts': PRELOAD,
      'src/main/analytics.ts': ANALYTICS,
      'src/main/ipc.ts': [
        `import { ipcMain } from 'electron';`,
        `import { trackEvent } from './analytics';`,
        `export function register() {`,
        `  ipcMain.on('trackEvent', (_event, options: { event: string }) => {`,
        `    trackEvent(options.event);`,
        `  });`,
        `  ipcMain.handle('openFile', (_event, path: string) => path.length);`,
        `}`,
        ``,
      ].join('\n'),
      'src/renderer/page.ts': RENDERER,
    });
    expect(callsIn(result, 'src/renderer/page.ts')).toEqual(['2 @segment/analytics-node window.bridge.trackEvent']);
    const call = result.inventory.sdkCalls.find((candidate) => candidate.file === 'src/renderer/page.ts')!;
    expect(call.via?.map((step) => `${step.file}:${step.line}`)).toEqual(['src/preload.ts:3', 'src/main/ipc.ts:4', 'src/main/ipc.ts:5', 'src/main/analytics.ts:4']);
  });

  it('follows a handler registered through a project wrapper of ipcMain.on; a project function that only takes a name and a callback is not one', () => {
    const result = scanProject({
      'src/preload.ts': PRELOAD,
      'src/main/analytics.ts': ANALYTICS,
      'src/main/electron.ts': [
        `import { ipcMain } from 'electron';`,
        `export const ipcMainOn = (channel: string, listener: (...args: any[]) => void) => ipcMain.on(channel, listener);`,
        `export const onMenu = (name: string, listener: (...args: any[]) => void) => listener(name);`,
        ``,
      ].join('\n'),
      'src/main/ipc.ts': [
        `import { ipcMainOn, onMenu } from './electron';`,
        `import { trackEvent } from './analytics';`,
        `export function register() {`,
        `  ipcMainOn('trackEvent', (_event, options: { event: string }) => trackEvent(options.event));`,
        `  onMenu('openFile', () => trackEvent('menu'));`,
        `}`,
        ``,
      ].join('\n'),
      'src/renderer/page.ts': RENDERER,
    });
    expect(callsIn(result, 'src/renderer/page.ts')).toEqual(['2 @segment/analytics-node window.bridge.trackEvent']);
  });
});
