// SDK call sites through functions a factory returns: a logger made per severity, an error handler made
// per request and handed to .catch.
import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';
import type { ScanResult } from '../../src/scan.js';

/** "file:line package callee" of every SDK call outside the wrapper module. */
const callsIn = (result: ScanResult, file: string) => result.inventory.sdkCalls.filter((call) => call.file === file).map((call) => `${call.line} ${call.package} ${call.callee}`);

const LOGGER = [
  `import { captureMessage } from '@sentry/react-native';`,
  `const report = (message: string, level: string) => captureMessage(message, level);`,
  `const makeLogger = (level: string) => {`,
  `  return (message: string) => {`,
  `    report(message, level);`,
  `  };`,
  `};`,
  `export const warn = makeLogger('warning');`,
  `export const handleError = (context: string) => (error: Error) => report(context + error.message, 'error');`,
  `export const describeError = (context: string) => context.toUpperCase();`,
  ``,
].join('\n');

describe('functions a factory returns', () => {
  it('a logger made by a factory is an SDK call where it is called', () => {
    const result = scanProject({
      'src/logging.ts': LOGGER,
      'src/screen.ts': [`import * as logging from './logging';`, `export function check(state: object) {`, `  logging.warn('offline too long');`, `}`, ``].join('\n'),
    });
    expect(callsIn(result, 'src/screen.ts')).toEqual(['3 @sentry/react-native logging.warn']);
    const call = result.inventory.sdkCalls.find((candidate) => candidate.file === 'src/screen.ts')!;
    expect(call.via?.map((step) => `${step.file}:${step.line}`)).toEqual(['src/logging.ts:5', 'src/logging.ts:2']);
  });

  it('an error handler made per call and handed to .catch is an SDK call there; one only made, or a factory returning no function, is not', () => {
    const result = scanProject({
      'src/logging.ts': LOGGER,
      'src/api.ts': [
        `import { handleError, describeError } from './logging';`,
        `export const load = (url: string) => fetch(url).catch(handleError('load'));`,
        `export const later = (url: string) => { const onError = handleError(url); return onError; };`,
        `export const label = (url: string) => fetch(url).catch(describeError(url));`,
        ``,
      ].join('\n'),
      'src/screen.ts': [`import { load } from './api';`, `export const open = () => load('/home');`, ``].join('\n'),
    });
    expect(callsIn(result, 'src/api.ts')).toEqual(['2 @sentry/react-native handleError']);
    // It runs on failure only: the requests made through `load` are not each an SDK call.
    expect(callsIn(result, 'src/screen.ts')).toEqual([]);
  });
});
