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

  it('leaves alone names that only mention the data, and questions and handlers about it', () => {
    expect(['emailVerified', 'phoneticName', 'addressBar', 'nameOfFunction', 'timeInterval', 'isEmailValid', 'hasPhone', 'onEmailChange', 'emailPlaceholder', 'fileName', 'latest', 'template'].map(category)).toEqual(
      Array(12).fill(undefined),
    );
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

  it('stays silent for a form field, a state setter, a validator, a string that mentions e-mail and a wallet address', () => {
    const result = scanProject({
      'src/Form.tsx': [
        `import { useState } from 'react';`,
        `export function Form({ wallet }: { wallet: { address: string } }) {`,
        `  const [email, setEmail] = useState('');`,
        `  const valid = validateEmail(email);`,
        `  console.log('email sent');`,
        `  fetch('https://node.example/balance', { method: 'POST', body: JSON.stringify({ address: wallet.address }) });`,
        `  return <input value={email} onChange={(event) => setEmail(event.target.value)} aria-invalid={!valid} />;`,
        `}`,
        `function validateEmail(value: string) { return value.includes('@'); }`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});
