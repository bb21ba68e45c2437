// SDK call sites through an object whose members come from another module's object spread into it.
import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';
import type { ScanResult } from '../../src/scan.js';

/** "file:line package callee" of every SDK call outside the wrapper module. */
const callsIn = (result: ScanResult, file: string) => result.inventory.sdkCalls.filter((call) => call.file === file).map((call) => `${call.line} ${call.package} ${call.callee}`);

describe('objects composed by spreading another module’s object', () => {
  it('a member spread in from another module reaches the SDK call its function makes; a member no spread holds does not', () => {
    const result = scanProject({
      'src/events.ts': [
        `import { analytics } from './provider';`,
        `export const eventHelpers = {`,
        `  logCityChange: (city: string) => analytics.logEvent('city_change', { city }),`,
        `};`,
        ``,
      ].join('\n'),
      'src/provider.ts': [
        `import analyticsModule from '@react-native-firebase/analytics';`,
        `import { eventHelpers } from './events';`,
        `export const analytics = {`,
        `  logEvent: (name: string, params: object) => analyticsModule().logEvent(name, params),`,
        `  ...eventHelpers,`,
        `};`,
        ``,
      ].join('\n'),
      'src/screen.ts': [
        `import { analytics } from './provider';`,
        `export async function save(city: string) {`,
        `  await analytics.logCityChange(city);`,
        `  await analytics.logUnknown(city);`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(callsIn(result, 'src/screen.ts')).toEqual(['3 @react-native-firebase/analytics analytics.logCityChange']);
  });
});
