import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { NameMatcher } from '../../src/catalog/names.js';
import { scanProject, sites } from '../helpers/temp-project.js';

const names = new NameMatcher(loadCatalog().personalNames);
const category = (name: string) => names.match(name)?.category;

describe('personal data known by its name', () => {
  it('matches names by their last words, split at camelCase, snake_case and digits, filler words dropped', () => {
    expect(
      ['userEmail', 'email_address', 'customerPhoneNumber', 'firstName', 'LAST_NAME', 'postalCode', 'addressLine2', 'dateOfBirth', 'iban', 'cardNumber', 'aroundLatLng', 'pushToken', 'expoToken', 'emailValue', 'userId', 'passportNumber'].map(category),
    ).toEqual([
      'identity.email',
      'identity.email',
      'identity.phone',
      'identity.name',
      'identity.name',
      'identity.address',
      'identity.address',
      'identity.birth_date',
      'financial.bank_account',
      'financial.payment_card',
      'location.precise',
      'device.push_token',
      'device.push_token',
      'identity.email',
      'identity.account_id',
      'identity.government_id',
    ]);
  });

  it('prefers the longest match: an IP or MAC address is not a postal address', () => {
    expect(category('ipAddress')).toBe('network.ip_address');
    expect(category('clientIp')).toBe('network.ip_address');
    expect(names.match('walletAddress')).toBeUndefined();
    expect(names.match('address')).toEqual({ category: 'identity.address', qualified: true });
  });

  it('knows a list of e-mail addresses by its plural, not a count or a setting about them', () => {
    expect(['emails', 'inviteeEmails', 'emailAddresses', 'recipient_e_mails'].map(category)).toEqual(Array(4).fill('identity.email'));
    expect(['emailsCount', 'sendEmails', 'allowEmails', 'numEmails'].map(category)).toEqual(Array(4).fill(undefined));
  });

  it('leaves alone names that only mention the data, and questions and handlers about it', () => {
    expect(['emailVerified', 'phoneticName', 'addressBar', 'nameOfFunction', 'timeInterval', 'isEmailValid', 'hasPhone', 'onEmailChange', 'emailPlaceholder', 'fileName', 'latest', 'template'].map(category)).toEqual(
      Array(12).fill(undefined),
    );
  });

  it('reads a member that only says how its owner holds the value as the owner, and a getter by what it gets', () => {
    expect(names.matchMember('pushToken', 'token')?.category).toBe('device.push_token');
    expect(names.matchMember('email', 'value')?.category).toBe('identity.email');
    expect(names.matchMember('pushToken', 'os')).toBeUndefined();
    expect(names.matchMember('token', 'token')).toBeUndefined();
    // A qualified name (`name`, `address`) needs a person around it, not a filler after it.
    expect(names.matchMember('address', 'value')).toBeUndefined();
    expect([names.isPlaceOwner('venue'), names.isPlaceOwner('nearestStore'), names.isPlaceOwner('userLocation'), names.isPlaceOwner('user')]).toEqual([true, true, false, false]);
    expect(['getCarrier', 'getAppleIdfa', 'getAppleIdfv', 'fetchPushToken', 'getName', 'getEmailValidator', 'carrierName'].map((name) => names.matchGetter(name)?.category)).toEqual([
      'network.carrier',
      'device.advertising_id',
      'device.id',
      'device.push_token',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('knows a sending call by its first or last word', () => {
    expect(['postProfile', 'apiPost', 'signIn', 'saveObject', 'submitOrder', 'mutate', 'patchProfile', 'trackEvent'].every((name) => names.isSending(name))).toBe(true);
    expect(['setEmail', 'validateEmail', 'getProfile', 'formatPhone', 'useState'].some((name) => names.isSending(name))).toBe(false);
  });
});

describe('named personal data is a collection site where it reaches a sink', () => {
  it('in a request body, an SDK call, storage, a log and a sending call', () => {
    const result = scanProject({
      'src/signup.ts': [
        `import * as Sentry from '@sentry/react-native';`,
        `import AsyncStorage from '@react-native-async-storage/async-storage';`,
        `import { signIn } from './auth';`,
        `export async function submit(form: { email: string; phone: string }, user: { id: string; name: string }) {`,
        `  await fetch('https://api.shop.example/signup', { method: 'POST', body: JSON.stringify({ email: form.email, phoneNumber: form.phone }) });`,
        `  Sentry.setUser({ id: user.id, name: user.name });`,
        `  await AsyncStorage.setItem('lastEmail', form.email);`,
        `  console.log('signed up', user.name);`,
        `  await signIn({ email: form.email, password: 'x' });`,
        `}`,
      ].join('\n'),
      'src/auth.ts': `export async function signIn(credentials: object) {\n  return credentials;\n}\n`,
    });
    expect(sites(result)).toEqual([
      'src/signup.ts:5 identity.email name:email',
      'src/signup.ts:5 identity.phone name:phoneNumber',
      'src/signup.ts:6 identity.account_id name:id',
      'src/signup.ts:6 identity.name name:name',
      'src/signup.ts:7 identity.email name:email',
      'src/signup.ts:8 identity.name name:name',
      'src/signup.ts:9 identity.email name:email',
    ]);
    expect(result.inventory.flows.map((flow) => `${flow.category} ${flow.sink.kind} ${flow.sink.callee}`).sort()).toEqual([
      'identity.account_id sdk Sentry.setUser',
      'identity.name log console.log',
      'identity.email network fetch',
      'identity.email storage AsyncStorage.setItem',
      'identity.name sdk Sentry.setUser',
      'identity.phone network fetch',
    ].sort());
  });

  it('through a holder member and a getter, and after await', () => {
    const result = scanProject({
      'src/push.ts': [
        `import DeviceInfo from 'react-native-device-info';`,
        `export async function subscribe(pushToken: { token: string; os: string }, getAppleIdfa: () => Promise<string>) {`,
        `  await fetch('https://push.example.com/subscribe', {`,
        `    method: 'POST',`,
        `    body: JSON.stringify({ token: pushToken.token, os: pushToken.os, extra: [await getAppleIdfa()] }),`,
        `  });`,
        `  console.log(await DeviceInfo.getCarrier());`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'src/push.ts:5 device.push_token name:pushToken.token',
      'src/push.ts:5 device.advertising_id name:getAppleIdfa()',
      'src/push.ts:7 network.carrier react-native-device-info#getCarrier',
    ]);
  });

  it('through string methods that only rewrite the value, not through questions about it', () => {
    const result = scanProject({
      'src/profile.ts': [
        `export async function save(userId: number, email: string) {`,
        `  console.log(userId.toString());`,
        `  await fetch('https://api.example.com/profile', { method: 'POST', body: JSON.stringify({ mail: email.trim().toLowerCase() }) });`,
        `  console.log(email.includes('@'), email.length);`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/profile.ts:2 identity.account_id name:userId', 'src/profile.ts:3 identity.email name:email']);
  });

  it('passed to project code: a site where it flows on to a sink (a fetch wrapper bound with .bind), not where it stays', () => {
    const result = scanProject({
      'src/util/fetch.ts': [
        `const nativeFetch = globalThis.fetch.bind(globalThis);`,
        `export function fetch(input: string, init: RequestInit = {}) {`,
        `  return nativeFetch(input, { ...init });`,
        `}`,
      ].join('\n'),
      'src/util/format.ts': `export function greeting(email: string) {\n  return email.length > 0 ? 'Hello' : 'Hi';\n}\n`,
      'src/push.ts': [
        `import { fetch } from './util/fetch';`,
        `import { greeting } from './util/format';`,
        `export async function send(pushToken: { token: string }, email: string) {`,
        `  const title = greeting(email);`,
        `  await fetch('https://push.example.com/enqueue', { method: 'POST', body: JSON.stringify({ token: pushToken.token, title }) });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/push.ts:5 device.push_token name:pushToken.token']);
    const finding = result.findings.find((candidate) => candidate.line === 5 && candidate.category === 'device.push_token');
    expect(finding?.flow?.at(-1)).toMatchObject({ file: 'src/util/fetch.ts', line: 3 });
  });

  it('through a shared wrapper that other calls send catalogued data through: still a site, explained only by data handed over by the same call', () => {
    const result = scanProject({
      'src/util/fetch.ts': [
        `const nativeFetch = globalThis.fetch.bind(globalThis);`,
        `export function fetch(input: string, init: RequestInit = {}) {`,
        `  return nativeFetch(input, { ...init });`,
        `}`,
      ].join('\n'),
      'src/device.ts': [
        `import { getSystemVersion } from 'react-native-device-info';`,
        `import { fetch } from './util/fetch';`,
        `export async function sendVersion() {`,
        `  await fetch('https://push.example.com/config', { method: 'POST', body: JSON.stringify({ os: getSystemVersion() }) });`,
        `}`,
      ].join('\n'),
      'src/push.ts': [
        `import { fetch } from './util/fetch';`,
        `export async function send(pushToken: { token: string }) {`,
        `  await fetch('https://push.example.com/enqueue', { method: 'POST', body: JSON.stringify({ token: pushToken.token }) });`,
        `}`,
      ].join('\n'),
      'src/send.ts': [
        `export async function sendDevice(deviceToken: string) {`,
        `  await globalThis.fetch('https://push.example.com/device', { method: 'POST', body: JSON.stringify({ deviceToken }) });`,
        `}`,
      ].join('\n'),
      'src/caller.ts': [
        `import messaging from '@react-native-firebase/messaging';`,
        `import { sendDevice } from './send';`,
        `export async function register() {`,
        `  await sendDevice(await messaging().getToken());`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'src/caller.ts:4 device.push_token @react-native-firebase/messaging#default().getToken',
      'src/device.ts:4 device.info react-native-device-info#getSystemVersion',
      'src/push.ts:3 device.push_token name:pushToken.token',
    ]);
  });

  it('stays silent for a form field, a state setter, a validator, a string that mentions e-mail, a wallet address and a venue’s coordinates', () => {
    const result = scanProject({
      'src/Form.tsx': [
        `import { useState } from 'react';`,
        `export function Form({ wallet, venue }: { wallet: { address: string }; venue: { latitude: number; longitude: number } }) {`,
        `  const [email, setEmail] = useState('');`,
        `  const valid = validateEmail(email);`,
        `  console.log('email sent');`,
        `  fetch('https://node.example/balance', { method: 'POST', body: JSON.stringify({ address: wallet.address }) });`,
        `  fetch('https://maps.example/route', { method: 'POST', body: JSON.stringify({ lat: venue.latitude, lng: venue.longitude }) });`,
        `  return <input value={email} onChange={(event) => setEmail(event.target.value)} aria-invalid={!valid} />;`,
        `}`,
        `function validateEmail(value: string) { return value.includes('@'); }`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});

describe('a name that is two categories (also:)', () => {
  it('reports an anonymousId sent to an analytics SDK as a visitor cookie id and an install id; a visitor id only as the cookie', () => {
    const result = scanProject({
      'src/analytics.ts': [
        `import { Analytics } from '@segment/analytics-node';`,
        `const analytics = new Analytics({ writeKey: 'key' });`,
        `export function track(event: string, anonymousId: string, visitorId: string) {`,
        `  analytics.track({ event, anonymousId });`,
        `  analytics.page({ name: 'home', properties: { visitorId } });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'src/analytics.ts:4 device.id name:anonymousId',
      'src/analytics.ts:4 web.cookies name:anonymousId',
      'src/analytics.ts:5 web.cookies name:visitorId',
    ]);
  });

  it('stays silent for an anonymousId that only stays in the function', () => {
    const result = scanProject({
      'src/ids.ts': [
        `export function same(anonymousId: string, other: string) {`,
        `  const label = anonymousId === other ? 'same' : 'different';`,
        `  return label.length;`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});
