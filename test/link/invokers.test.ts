// Invokers (catalog invokers.yaml): redux-saga's effect creators and Function's call/apply/bind call the
// function they are given, so a wrapper called through them is linked like a direct call.
import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';
import type { ScanResult } from '../../src/scan.js';

// Calls in a file of wrappers ending in one SDK call are one inventory entry, the others in `alsoAt` (repeated-wrapper-calls.ts).
const callsIn = (result: ScanResult, file: string) =>
  result.inventory.sdkCalls
    .filter((call) => call.file === file)
    .flatMap((call) => [call.line, ...(call.alsoAt ?? []).map((place) => place.line)].map((line) => `${line} ${call.callee}`));

const LIB = [
  `import DeviceInfo from 'react-native-device-info';`,
  `import analytics from '@react-native-firebase/analytics';`,
  `export function getId() { return DeviceInfo.getUniqueId(); }`,
  `export function track(name: string) { analytics().logEvent(name); }`,
  `export function label(name: string) { return name.trim(); }`,
  ``,
].join('\n');

describe('invokers', () => {
  it('redux-saga call / fork / apply of a wrapper: an SDK call and a collection at the effect, with the chain; an effect of a plain helper is neither', () => {
    const result = scanProject({
      'src/lib.ts': LIB,
      'src/saga.ts': [
        `import { call, fork, apply } from 'redux-saga/effects';`,
        `import { getId, track, label } from './lib';`,
        `export function* saga() {`,
        `  const id = yield call(getId);`,
        `  yield call(track, 'opened');`,
        `  yield fork(track, 'forked');`,
        `  yield apply(null, track, ['applied']);`,
        `  yield call(label, 'x');`,
        `  return id;`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(callsIn(result, 'src/saga.ts')).toEqual(['5 track', '6 track', '7 track']);
    expect(sites(result).filter((site) => site.startsWith('src/saga.ts'))).toEqual([
      'src/saga.ts:4 device.android_id react-native-device-info#getUniqueId',
      'src/saga.ts:4 device.id react-native-device-info#getUniqueId',
    ]);
  });

  it('fn.call and a bound function’s call reach the SDK; bind alone calls nothing', () => {
    const result = scanProject({
      'src/lib.ts': LIB,
      'src/screen.ts': [
        `import { track } from './lib';`,
        `function local(name: string) { track(name); }`,
        `export function open() {`,
        `  local.call(null, 'opened');`,
        `  const later = local.bind(null);`,
        `  track.apply(null, ['applied']);`,
        `  local.bind(null)('bound');`,
        `}`,
        ``,
      ].join('\n'),
    });
    // All four end in the one logEvent of lib.ts: one entry, the others in its alsoAt.
    expect(callsIn(result, 'src/screen.ts')).toEqual(['2 track', '4 track', '6 track', '7 track']);
  });
});
