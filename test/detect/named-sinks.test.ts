import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// More sinks for data known by its name (docs/personal-data.md): database writes, keyed payload builders.

describe('named data written to a database', () => {
  it('is a site in a model write (create, update, insertOne), not in a hash update or a plain call', () => {
    const result = scanProject({
      'src/visits.js': [
        `const Visit = require('./models/visit');`,
        `const { checksum } = require('./checksum');`,
        `exports.add = async (input, db) => {`,
        `  await Visit.create({ page: input.page, screenWidth: input.screenWidth, osName: input.osName });`,
        `  await db.users.updateOne({ id: input.id }, { $set: { email: input.email } });`,
        `  const digest = checksum('sha256').update(input.email).digest('hex');`,
        `  describe({ screenWidth: input.screenWidth });`,
        `  return digest;`,
        `};`,
        `function describe(value) { return String(value); }`,
      ].join('\n'),
      'src/models/visit.js': `module.exports = { create: async (record) => record };\n`,
      'src/checksum.js': `exports.checksum = () => ({ update: (value) => ({ digest: () => String(value).length }) });\n`,
    });
    expect(sites(result)).toEqual([
      'src/visits.js:4 device.info name:screenWidth',
      'src/visits.js:4 device.info name:osName',
      'src/visits.js:5 identity.email name:email',
    ]);
  });
});

describe('named data added to a payload builder', () => {
  it('is a site where its key (or its own name) names it, not in a map or under a neutral key', () => {
    const result = scanProject({
      'src/tracker.ts': [
        `export function build(payload: { add(key: string, value: unknown): void }, userId: string, ip: string, page: number, zipCode: string, author: string) {`,
        `  payload.add('uid', String(userId));`,
        `  payload.add('page', page);`,
        `  addPayloadPair('ip', ip); addPayloadPair('uid', userId);`,
        `  const query = new URLSearchParams();`,
        `  query.append('cp', zipCode);`,
        `  new Map<string, string>().set('uid', userId);`,
        `  setConfig({ path: 'user.email', value: author });`,
        `  return query.toString();`,
        `}`,
        `function addPayloadPair(key: string, value: unknown) { return [key, value]; }`,
        `function setConfig(entry: { path: string; value: string }) { return entry; }`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'src/tracker.ts:2 identity.account_id name:uid',
      'src/tracker.ts:4 network.ip_address name:ip',
      'src/tracker.ts:4 identity.account_id name:uid',
      'src/tracker.ts:6 identity.address name:zipCode',
      'src/tracker.ts:8 identity.email name:user.email',
    ]);
  });

  it('is named by a key a tracking protocol documents (tr_ci, uip) on a builder known by what made it, not by another short key', () => {
    const result = scanProject({
      'src/transaction.ts': [
        `import { payloadBuilder } from './payload';`,
        `export function buildTransaction(order: { id: string; city: string; region: string; total: number }, clientIp: string) {`,
        `  const pb = payloadBuilder();`,
        `  pb.add('tr_tt', order.total);`,
        `  pb.add('tr_ci', order.city);`,
        `  pb.add('tr_rg', order.region);`,
        `  pb.add('uip', clientIp);`,
        `  pb.add('tr_st', 'CA');`,
        `  new Map<string, string>().set('uip', clientIp);`,
        `  const seen = new Set<string>(); seen.add(order.city);`,
        `  return pb;`,
        `}`,
      ].join('\n'),
      'src/payload.ts': [
        `export function payloadBuilder() {`,
        `  const dict: Record<string, unknown> = {};`,
        `  return { add: (key: string, value: unknown) => { dict[key] = value; }, build: () => dict };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/transaction.ts:5 identity.address name:tr_ci', 'src/transaction.ts:7 network.ip_address name:uip']);
  });
});

describe('a named value beside catalogued data', () => {
  it('is its own site in one request body, and explained where it holds the catalogued read', () => {
    const result = scanProject({
      'src/push.ts': [
        `import { getSystemVersion, getUniqueId } from 'react-native-device-info';`,
        `export async function configure(pushToken: { token: string }) {`,
        `  const appVersion = getSystemVersion();`,
        `  const id = getUniqueId();`,
        `  await fetch('https://push.example.com/config', {`,
        `    method: 'POST',`,
        `    body: JSON.stringify({`,
        `      token: pushToken.token,`,
        `      app_version: appVersion,`,
        `      userId: id,`,
        `    }),`,
        `  });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'src/push.ts:3 device.info react-native-device-info#getSystemVersion',
      'src/push.ts:4 device.android_id react-native-device-info#getUniqueId',
      'src/push.ts:4 device.id react-native-device-info#getUniqueId',
      'src/push.ts:8 device.push_token name:pushToken.token',
    ]);
  });
});

describe('a member getter named for device data', () => {
  it('is a read of that data where no catalogued API resolves, and not for data the user types', () => {
    const result = scanProject({
      'src/context.ts': [
        `import DeviceInfo from 'react-native-device-info';`,
        `type Retriever = { getAppleIdfa?: () => Promise<string>; getCarrier: () => string; getEmail: () => string };`,
        `export async function mobileContext(retriever: Retriever | undefined) {`,
        `  const idfa = retriever?.getAppleIdfa ? await retriever?.getAppleIdfa?.() : undefined;`,
        `  const carrier = await DeviceInfo.getCarrier();`,
        `  const email = retriever?.getEmail();`,
        `  const label = retriever?.getCarrier() ? 'known' : 'unknown';`,
        `  return { idfa, carrier, contact: email, label };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/context.ts:4 device.advertising_id name:getAppleIdfa()', 'src/context.ts:5 network.carrier react-native-device-info#getCarrier']);
  });
});

describe('an object held in a variable and passed to a sink', () => {
  it('is one site at the variable where it reaches the sink, named by its first personal key; not where it stays', () => {
    const result = scanProject({
      'src/login.ts': [
        `import AsyncStorage from '@react-native-async-storage/async-storage';`,
        `export async function remember(email: string, provider: string) {`,
        `  const info = {`,
        `    maskedEmail: email.slice(0, 2),`,
        `    provider,`,
        `  };`,
        `  await AsyncStorage.setItem('last_login', JSON.stringify(info));`,
        `  const draft = { email, settingSendCookies: provider === 'web' };`,
        `  const body = JSON.stringify({ settingSendCookies: draft.settingSendCookies });`,
        `  await fetch('https://api.example.com/settings', { method: 'POST', body });`,
        `  return draft.email.length;`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/login.ts:7 identity.email name:info.maskedEmail']);
  });
});

describe('a request body serialised into a variable and sent', () => {
  it('is one site at its first personal key, where the JSON is written, also when the body is a shorthand; not a body that holds none', () => {
    const result = scanProject({
      'src/pushRegistration.ts': [
        `export async function subscribe(addresses: string[], pushToken: { token: string; os: string }, deviceToken: string) {`,
        `  const requestBody = JSON.stringify({`,
        `    addresses,`,
        `    token: pushToken.token,`,
        `    deviceToken,`,
        `    os: pushToken.os,`,
        `  });`,
        `  await fetch('https://push.example.com/subscribe', {`,
        `    method: 'POST',`,
        `    body: requestBody,`,
        `  });`,
        `  const body = JSON.stringify({ fcmToken: deviceToken });`,
        `  await fetch('https://push.example.com/unsubscribe', { method: 'POST', body });`,
        `  const other = JSON.stringify({ addresses, os: pushToken.os });`,
        `  await fetch('https://push.example.com/levels', { method: 'POST', body: other });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/pushRegistration.ts:4 device.push_token name:pushToken.token', 'src/pushRegistration.ts:12 device.push_token name:fcmToken']);
  });
});

describe('a text a function of the file writes named data into', () => {
  it('carries that data where it is sent, also from a closure; a value a function computes from it does not', () => {
    const result = scanProject({
      'src/PushScreen.tsx': [
        `export const getRelayPath = ({ expoToken, instance }: { expoToken: string; instance: string }) => \`\${expoToken}/\${instance}\`;`,
        `function countEnabled(settings: { deviceToken: string; accounts: string[] }) {`,
        `  return settings.accounts.filter((account) => account.length > 0).length;`,
        `}`,
        `export function PushScreen(expoToken: string, deviceToken: string, instance: string, accounts: string[]) {`,
        `  const relayPath = getRelayPath({ expoToken, instance });`,
        `  const enabled = countEnabled({ deviceToken, accounts });`,
        `  const onEnable = async () => {`,
        `    await fetch(\`https://relay.example.com/subscribe/\${relayPath}\`, { method: 'POST' });`,
        `  };`,
        `  const onCount = async () => {`,
        `    await fetch(\`https://relay.example.com/count/\${enabled}\`, { method: 'POST' });`,
        `  };`,
        `  return [onEnable, onCount];`,
        `}`,
      ].join('\n'),
    });
    // Line 6 is the argument, which flows on; line 9 is where the text leaves, from the click handler.
    expect(sites(result)).toEqual(['src/PushScreen.tsx:6 device.push_token name:expoToken', 'src/PushScreen.tsx:9 device.push_token name:relayPath.expoToken']);
  });

  it('is a text held in a variable: a template literal of named data, not one of other values', () => {
    const result = scanProject({
      'src/devices.ts': [
        `export async function unregister(api: string, deviceToken: string, page: number) {`,
        `  const url = \`\${api}/devices/\${deviceToken}\`;`,
        `  const list = \`\${api}/devices?page=\${page}\`;`,
        `  await fetch(url, { method: 'DELETE' });`,
        `  await fetch(list);`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/devices.ts:4 device.push_token name:url.deviceToken']);
  });
});

describe('what a getter named for the data returns, held in a variable', () => {
  it('is that data where the variable is sent; not where it only gates, nor what another getter returns', () => {
    const result = scanProject({
      'src/devices.ts': [
        `import { getPushToken, getPendingCount } from './store';`,
        `export async function refresh() {`,
        `  const current = await getPushToken();`,
        `  if (!current) return;`,
        `  const pending = await getPendingCount();`,
        `  await fetch('https://api.example.com/devices', { method: 'PUT', body: JSON.stringify({ current, pending }) });`,
        `}`,
      ].join('\n'),
      'src/store.ts': `export const getPushToken = async () => localStorage.getItem('t');\nexport const getPendingCount = async () => 3;\n`,
    });
    expect(sites(result)).toEqual(['src/devices.ts:6 device.push_token name:current.getPushToken()']);
  });
});

describe('named data built into a URL', () => {
  it('is a site in the arguments of a URL builder (a call or a class named so), not in other calls', () => {
    const result = scanProject({
      'src/support.ts': [
        `import md5 from 'blueimp-md5';`,
        `export function links(user: { email: string; lastName: string; id: string }) {`,
        `  const form = buildSupportUrl({ lastName: user.lastName, reason: 'bug' });`,
        `  const avatar = new URL(\`https://avatars.example.com/\${md5(user.email.toLowerCase())}?d=identicon\`);`,
        `  const label = describeUser({ lastName: user.lastName });`,
        `  return [form, avatar, label];`,
        `}`,
        `function buildSupportUrl(fields: Record<string, string>) { return 'https://help.example.com/new?' + new URLSearchParams(fields).toString(); }`,
        `function describeUser(fields: Record<string, string>) { return fields.lastName.toUpperCase(); }`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/support.ts:3 identity.name name:lastName', 'src/support.ts:4 identity.email name:email']);
  });

  it('through a helper that encodes the query, with an identity token (Sign in with Apple) in it', () => {
    const result = scanProject({
      'src/apple.ts': [
        `export function complete(credential: { identityToken: string | null; state: string }, realm: string) {`,
        `  const params = encodeParamsForUrl({ id_token: credential.identityToken, state: credential.state });`,
        `  return new URL(\`/complete/apple/?\${params}\`, realm);`,
        `}`,
        `function encodeParamsForUrl(params: Record<string, unknown>) { return Object.entries(params).map(([key, value]) => \`\${key}=\${String(value)}\`).join('&'); }`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/apple.ts:2 identity.account_id name:identityToken']);
  });
});

describe('a project call named for logging', () => {
  it('is a sink for the named data it is given (logUpdatePostalCode), unlike a call that only selects it', () => {
    const result = scanProject({
      'src/city.ts': [
        `import { analytics } from './analytics';`,
        `export async function changed(form: { postalCode: string }) {`,
        `  await analytics.logUpdatePostalCode({ newPostalCode: form.postalCode ?? '' });`,
        `  analytics.selectPostalCode({ postalCode: form.postalCode });`,
        `}`,
      ].join('\n'),
      'src/analytics.ts': `export const analytics = {\n  logUpdatePostalCode: async (params: object) => params,\n  selectPostalCode: (params: object) => params,\n};\n`,
    });
    expect(sites(result)).toEqual(['src/city.ts:3 identity.address name:newPostalCode']);
  });
});

describe('named data sent by a call named for a person', () => {
  it('counts a bare address or name given to patchProfile, not to a call named for something else', () => {
    const result = scanProject({
      'src/profile.ts': [
        `declare function patchProfile(body: object): void;`,
        `declare function patchWallet(body: object): void;`,
        `export function save(form: { street: string; label: string }, walletAddress: string) {`,
        `  patchProfile({ address: form.street });`,
        `  patchWallet({ address: walletAddress, name: form.label });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/profile.ts:4 identity.address name:address']);
  });
});

describe('a sending function called under another name', () => {
  it('is a sink when it was destructured from a sending member (const { mutate: selectEmail } = …)', () => {
    const result = scanProject({
      'src/email.ts': [
        `declare function useEmailMutation(): { mutate(vars: object): void; reset(vars: object): void };`,
        `export function useSubmit(newEmail: string) {`,
        `  const { mutate: selectNewEmail, reset: clearForm } = useEmailMutation();`,
        `  return () => {`,
        `    clearForm({ newEmail });`,
        `    selectNewEmail({ newEmail });`,
        `  };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/email.ts:6 identity.email name:newEmail']);
  });
});

describe('a held object built by member assignments', () => {
  it('is a site where it is written, with the personal members assigned to it, not a settings object', () => {
    const result = scanProject({
      'src/repos.ts': [
        `declare const models: { repo: { create(patch: object): Promise<void> } };`,
        `export async function connect(form: FormData) {`,
        `  const patch: Record<string, unknown> = {};`,
        `  patch.url = String(form.get('url'));`,
        `  patch.author = { name: String(form.get('authorName')), email: String(form.get('authorEmail')) };`,
        `  await models.repo.create(patch);`,
        `  const options: Record<string, unknown> = {};`,
        `  options.depth = Number(form.get('depth'));`,
        `  options.email = 'noreply@repos.example';`,
        `  await models.repo.create(options);`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/repos.ts:6 identity.name name:patch.name']);
  });
});

describe('named data pushed onto an array of what is sent', () => {
  it('is a site in an entry pushed onto a context or payload array, not onto a list the app keeps', () => {
    const result = scanProject({
      'src/ecommerce.ts': [
        `const contexts: Record<string, object[]> = {};`,
        `export function setShopper(tracker: string, shopper: { id: string; email: string }, rows: object[]) {`,
        `  const { email } = shopper;`,
        `  contexts[tracker].push({ schema: 'iglu:com.shop/user/1-0-0', data: { email } });`,
        `  rows.push({ email });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/ecommerce.ts:4 identity.email name:email']);
  });
});

describe('a cookie pushed onto the Set-Cookie array of a server context', () => {
  it('is a web.cookies site where it is pushed (context.setCookies, cookiesToSet), not on a list of cookies read', () => {
    const result = scanProject({
      'src/resolvers.js': [
        `const optOut = { name: 'opt_out', value: '1', options: { maxAge: 31536000 } };`,
        `module.exports = {`,
        `  login: async (parent, args, context) => {`,
        `    context.setCookies.push(optOut);`,
        `    return true;`,
        `  },`,
        `  refresh: async (parent, args, { cookiesToSet, cookies }) => {`,
        `    cookiesToSet.push({ name: 'session', value: args.session });`,
        `    cookies.push(args.cookie);`,
        `    return cookies.length;`,
        `  },`,
        `};`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/resolvers.js:4 web.cookies name:setCookies.push', 'src/resolvers.js:8 web.cookies name:cookiesToSet.push']);
  });
});

describe('data in the URL of an XMLHttpRequest', () => {
  it('leaves with the request: open’s URL is a sink, a constant URL with the data in send() is send’s', () => {
    const result = scanProject({
      'src/meter.ts': [
        `export function report(endpoint: string, visitorId: string, status: string) {`,
        `  const xhr = new XMLHttpRequest();`,
        `  xhr.open('GET', endpoint + '?id=' + encodeURIComponent(visitorId));`,
        `  xhr.send();`,
        `  const other = new XMLHttpRequest();`,
        `  other.open('POST', 'https://status.example/s?status=' + status);`,
        `  other.send(status);`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/meter.ts:3 web.cookies name:visitorId']);
  });
});

describe('a bare name or address holding a record', () => {
  it('is personal when the record is typed in the file with personal fields, not when it is a string or another record', () => {
    const result = scanProject({
      'src/holder.ts': [
        `interface Holder {`,
        `  firstName: string;`,
        `  lastName: string;`,
        `}`,
        `type Label = { text: string };`,
        `export function saveHolder(name: Holder | null) {`,
        `  return fetch('https://api.example.com/holder', { method: 'POST', body: JSON.stringify({ name }) });`,
        `}`,
        `export function saveLabel(name: Label, address: string) {`,
        `  return fetch('https://api.example.com/label', { method: 'POST', body: JSON.stringify({ name, address }) });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/holder.ts:7 identity.name name:name']);
  });
});
