// FunctionFact.members: the functions of the object a function returns, each member kept whole.
// Finding them skips evaluating the members that lead to no function (detect/exports.ts, TargetUse);
// what is kept must be what a full evaluation gives.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { CatalogIndex } from '../../src/catalog/match.js';
import { analyzeSource } from '../../src/detect/analyze-file.js';

const catalog = new CatalogIndex(loadCatalog());
const membersOf = (code: string, name: string) => analyzeSource('/project/api.ts', code, { catalog }).functions.find((fn) => fn.name === name)?.members;

describe('members of a returned object', () => {
  it('keeps the members that lead to functions, and a kept object whole (its references too)', () => {
    const code = [
      `import axios from 'axios';`,
      `const client = axios.create({ baseURL: 'https://api.example.com' });`,
      `const settings = { retries: 3, onError: () => undefined };`,
      `export function makeApi() {`,
      `  const label = 'api';`,
      `  return { label, client, retries: 3, settings, nested: { client, get: () => client.get('/me') }, track: (id: string) => client.post('/t', { id }) };`,
      `}`,
    ].join('\n');
    const members = membersOf(code, 'makeApi')!;
    expect(Object.keys(members)).toEqual(['settings', 'nested', 'track']);
    expect(members.track!.kind).toBe('function');
    const nested = members.nested!;
    expect(nested.kind === 'object' && Object.keys(nested.members)).toEqual(['client', 'get']);
    expect(nested.kind === 'object' && nested.members.client!.kind).toBe('reference');
    const settings = members.settings!;
    expect(settings.kind === 'object' && settings.members.retries).toEqual({ kind: 'string', value: '3' });
  });

  it('a later member of the same name replaces an earlier function', () => {
    const code = [`export function make() {`, `  return { send: () => 1, send: 'off', stop: () => 2 };`, `}`].join('\n');
    expect(Object.keys(membersOf(code, 'make') ?? {})).toEqual(['stop']);
  });

  it('records nothing for an object without functions', () => {
    expect(membersOf(`export function make() {\n  return { a: 1, b: 'two', c: { d: 3 } };\n}\n`, 'make')).toBeUndefined();
  });
});
