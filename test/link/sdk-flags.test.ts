// A function that sets a module variable an SDK call's condition tests switches that SDK: a settings
// screen calling `setOptOut(value)` is an SDK call site, with the chain to the call it decides on.
import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';
import type { ScanResult } from '../../src/scan.js';

const callsIn = (result: ScanResult, file: string) => result.inventory.sdkCalls.filter((call) => call.file === file).map((call) => `${call.line} ${call.package} ${call.callee}`);

describe('SDK switches held in a module variable', () => {
  it('a call of the function setting the variable a guarded SDK call tests is an SDK call; one setting an unrelated variable is not', () => {
    const result = scanProject({
      'src/crash.ts': [
        `import Bugsnag from '@bugsnag/react-native';`,
        `let optedOut = false;`,
        `let lastScreen = '';`,
        `export const crash = {`,
        `  setOptOut: (value: boolean) => {`,
        `    optedOut = value;`,
        `  },`,
        `  setScreen: (name: string) => {`,
        `    lastScreen = name;`,
        `  },`,
        `  report: (error: Error) => {`,
        `    if (!optedOut) Bugsnag.notify(error);`,
        `    return lastScreen;`,
        `  },`,
        `};`,
        ``,
      ].join('\n'),
      'src/settings.ts': [
        `import { crash } from './crash';`,
        `export function onToggle(value: boolean) {`,
        `  crash.setOptOut(value);`,
        `  crash.setScreen('settings');`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(callsIn(result, 'src/settings.ts')).toEqual(['3 @bugsnag/react-native crash.setOptOut']);
    const call = result.inventory.sdkCalls.find((candidate) => candidate.file === 'src/settings.ts')!;
    expect(call.via?.map((step) => `${step.file}:${step.line}`)).toEqual(['src/crash.ts:6', 'src/crash.ts:12']);
  });
});
