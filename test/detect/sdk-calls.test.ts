import { describe, expect, it } from 'vitest';
import { toJsonReport } from '../../src/report/json.js';
import { scanProject } from '../helpers/temp-project.js';
import type { ScanResult } from '../../src/scan.js';

/** "file:line package callee api" of every SDK call. */
const calls = (result: ScanResult) => result.inventory.sdkCalls.map((call) => `${call.file}:${call.line} ${call.package} ${call.callee} ${call.api}`);

describe('SDK call sites are inventory, however the code holds the SDK', () => {
  it('a `let` assigned later, called with optional chaining', () => {
    const result = scanProject({
      'src/analytics.ts': [
        `import { Mixpanel } from 'mixpanel-react-native';`,
        `let mixpanel;`,
        `export function start(token: string) {`,
        `  mixpanel = new Mixpanel(token, true);`,
        `  mixpanel.init();`,
        `}`,
        `export const track = (event: string) => mixpanel?.track(event);`,
        ``,
      ].join('\n'),
    });
    expect(calls(result)).toEqual([
      'src/analytics.ts:4 mixpanel-react-native new Mixpanel mixpanel-react-native#Mixpanel',
      'src/analytics.ts:5 mixpanel-react-native mixpanel.init mixpanel-react-native#Mixpanel().init',
      'src/analytics.ts:7 mixpanel-react-native mixpanel?.track mixpanel-react-native#Mixpanel().track',
    ]);
  });

  it('a `let` reassigned from itself many times (a builder) still resolves, each assignment evaluated once', () => {
    // Before the re-entry guard, every `offers = offers.filter(…)` re-evaluated all the others, to the alias depth.
    const steps = Array.from({ length: 40 }, (_, index) => `  offers = offers.filter((offer) => offer.rank > ${index});`);
    const result = scanProject({
      'src/builder.ts': [
        `import { Mixpanel } from 'mixpanel-react-native';`,
        `export function build(input: { rank: number }[]) {`,
        `  let offers = input.map((offer) => offer);`,
        ...steps,
        `  let client;`,
        `  client = new Mixpanel('token', true);`,
        `  client = client;`,
        `  client.track('built', { count: offers.length });`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(calls(result)).toEqual([
      'src/builder.ts:45 mixpanel-react-native new Mixpanel mixpanel-react-native#Mixpanel',
      'src/builder.ts:47 mixpanel-react-native client.track mixpanel-react-native#Mixpanel().track',
    ]);
  });

  it('class fields: an initialiser, a constructor parameter property typed with the SDK’s class, and a value assigned in a method', () => {
    const result = scanProject({
      'src/tracker.ts': [
        `import { Mixpanel } from 'mixpanel-react-native';`,
        `import type { SegmentClient } from '@segment/analytics-react-native';`,
        `export class Tracker {`,
        `  private client = new Mixpanel('token', true);`,
        `  private other?: Mixpanel;`,
        `  constructor(private readonly segment: SegmentClient) {}`,
        `  start() { this.other = new Mixpanel('other', true); }`,
        `  track(event: string) {`,
        `    this.client.track(event);`,
        `    this.segment.track(event);`,
        `    const send = () => this.other?.flush();`,
        `    send();`,
        `  }`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(calls(result)).toEqual([
      'src/tracker.ts:4 mixpanel-react-native new Mixpanel mixpanel-react-native#Mixpanel',
      'src/tracker.ts:7 mixpanel-react-native new Mixpanel mixpanel-react-native#Mixpanel',
      'src/tracker.ts:9 mixpanel-react-native this.client.track mixpanel-react-native#Mixpanel().track',
      'src/tracker.ts:10 @segment/analytics-react-native this.segment.track @segment/analytics-react-native#SegmentClient().track',
      'src/tracker.ts:11 mixpanel-react-native this.other?.flush mixpanel-react-native#Mixpanel().flush',
    ]);
    // `send()` runs the arrow function that calls the SDK: a place of that direct call, on line 11 of the same file.
    expect(result.inventory.sdkCalls.find((call) => call.line === 11)?.alsoAt).toEqual([{ line: 12, column: 5 }]);
  });

  it('an instance exported by another module, and a parameter typed with the SDK’s class', () => {
    const result = scanProject({
      'src/client.ts': `import { Mixpanel } from 'mixpanel-react-native';\nexport const mixpanel = new Mixpanel('token', true);\n`,
      'src/screen.ts': `import { mixpanel } from './client';\nexport function opened() {\n  mixpanel.track('opened');\n}\n`,
      'src/send.ts': `import type { Mixpanel } from 'mixpanel-react-native';\nexport function send(client: Mixpanel | undefined) {\n  client?.track('sent');\n}\n`,
    });
    expect(calls(result)).toEqual([
      'src/client.ts:2 mixpanel-react-native new Mixpanel mixpanel-react-native#Mixpanel',
      'src/screen.ts:3 mixpanel-react-native mixpanel.track mixpanel-react-native#Mixpanel().track',
      'src/send.ts:3 mixpanel-react-native client?.track mixpanel-react-native#Mixpanel().track',
    ]);
  });

  it('names the catalogued package, not the subpath a specifier imports, and lists calls beside imports in the JSON inventory', () => {
    const result = scanProject({
      'src/replay.ts': `import { Smartlook } from '@awesome-cordova-plugins/smartlook/ngx';\nexport function record(smartlook: Smartlook) {\n  smartlook.start();\n}\n`,
    });
    const sdks = toJsonReport(result).inventory.sdks;
    expect(sdks.map((entry) => ({ line: entry.line, package: entry.package, site: entry.site, api: 'api' in entry ? entry.api : undefined }))).toEqual([
      { line: 1, package: '@awesome-cordova-plugins/smartlook', site: 'import', api: undefined },
      { line: 3, package: '@awesome-cordova-plugins/smartlook', site: 'call', api: '@awesome-cordova-plugins/smartlook#Smartlook().start' },
    ]);
  });

  it('does not take a local shadow or a project class for the SDK', () => {
    const result = scanProject({
      'src/a.ts': `import { Mixpanel } from 'mixpanel-react-native';\nexport function f() {\n  const Mixpanel = class { track() {} };\n  new Mixpanel().track();\n}\n`,
      'src/b.ts': `import type { Client } from './client-type';\nexport const g = (client: Client) => client.track('x');\n`,
      'src/client-type.ts': `export interface Client { track(name: string): void }\n`,
    });
    expect(calls(result)).toEqual([]);
  });

  it('a call of a project function that calls an SDK is an SDK call with the chain (namespace imports, exported objects, wrappers of wrappers, CommonJS), and only inventory', () => {
    const result = scanProject({
      'src/logging.ts': [
        `import * as Sentry from '@sentry/react-native';`,
        `export function warn(message: string, extras?: object) {`,
        `  Sentry.captureMessage(message, { level: 'warning', extra: extras });`,
        `}`,
        `export const initializeSentry = () => Sentry.init({ dsn: 'https://k@o1.ingest.sentry.io/1' });`,
        ``,
      ].join('\n'),
      'src/analytics.ts': [
        `import analytics from '@react-native-firebase/analytics';`,
        `export const firebaseAnalytics = {`,
        `  logEvent: async (name: string) => { await analytics().logEvent(name); },`,
        `};`,
        ``,
      ].join('\n'),
      'src/track.ts': `import { firebaseAnalytics } from './analytics';\nexport const track = (name: string) => firebaseAnalytics.logEvent(name);\n`,
      'src/legacy.js': `const Sentry = require('@sentry/react-native');\nmodule.exports.report = function (error) { Sentry.captureException(error); };\n`,
      'src/App.tsx': [
        `import * as logging from './logging';`,
        `import { initializeSentry } from './logging';`,
        `import { track } from './track';`,
        `const { report } = require('./legacy');`,
        `initializeSentry();`,
        `export function App() {`,
        `  logging.warn('offline', { state: 1 });`,
        `  track('open');`,
        `  report(new Error('x'));`,
        `  const onPress = () => logging.warn('pressed');`,
        `  return <button onClick={onPress} />;`,
        `}`,
        ``,
      ].join('\n'),
    });
    const lifted = result.inventory.sdkCalls.filter((call) => call.via).map((call) => `${call.file}:${call.line} ${call.callee} ${call.package} ${call.via!.map((step) => step.note).join(' > ')}`);
    // The second logging.warn (line 10) is the first's alsoAt: one entry per wrapper, file and SDK API.
    expect(lifted).toEqual([
      'src/App.tsx:5 initializeSentry @sentry/react-native initializeSentry() calls Sentry.init',
      'src/App.tsx:7 logging.warn @sentry/react-native warn() calls Sentry.captureMessage',
      'src/App.tsx:8 track @react-native-firebase/analytics track() calls firebaseAnalytics.logEvent > logEvent() calls analytics().logEvent',
      'src/App.tsx:9 report @sentry/react-native a function calls Sentry.captureException',
      'src/track.ts:2 firebaseAnalytics.logEvent @react-native-firebase/analytics logEvent() calls analytics().logEvent',
    ]);
  });

  it('a component that defines a handler calling an SDK is not an SDK call where it is rendered or called', () => {
    const result = scanProject({
      'src/Share.tsx': `import ReactGA from 'react-ga4';\nexport function Share() {\n  const onClick = () => ReactGA.event({ category: 'share', action: 'click' });\n  return <button onClick={onClick} />;\n}\n`,
      'src/App.tsx': `import { Share } from './Share';\nexport const App = () => <main><Share /></main>;\nexport const render = () => Share();\n`,
    });
    expect(result.inventory.sdkCalls.filter((call) => call.via)).toEqual([]);
    expect(calls(result)).toEqual(['src/Share.tsx:3 react-ga4 ReactGA.event react-ga4#default.event']);
  });

  it('a function’s properties assigned at the top of its module are linked: A.logError() of `A.logError = (…) => Bugsnag.notify(…)`', () => {
    const result = scanProject({
      'src/analytics.ts': [
        `import Bugsnag from '@bugsnag/react-native';`,
        `const A = async (event: string) => { console.log(event); };`,
        `A.setOptOut = (value: boolean) => { if (value) Bugsnag.pauseSession(); };`,
        `A.logError = (message: string) => { Bugsnag.notify(new Error(message)); };`,
        `export default A;`,
        ``,
      ].join('\n'),
      'src/About.tsx': `import A from './analytics';\nimport { B } from './named';\nexport function copy() {\n  A.logError('copied');\n  A('copy');\n  B.report();\n}\n`,
      'src/named.ts': `import Bugsnag from '@bugsnag/react-native';\nfunction B() {}\nB.report = function () { Bugsnag.notify(new Error('x')); };\nexport { B };\n`,
    });
    const lifted = result.inventory.sdkCalls.filter((call) => call.via).map((call) => `${call.file}:${call.line} ${call.callee} ${call.package}`);
    expect(lifted).toEqual(['src/About.tsx:4 A.logError @bugsnag/react-native', 'src/About.tsx:6 B.report @bugsnag/react-native']);
  });
});
