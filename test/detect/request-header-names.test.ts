import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A custom request header named for what it carries (personal-names.yaml header_names): a session id
// sent as `X-Session-Id` is the signed-in user's login session. Electron's net.fetch is a request as
// fetch() is (sinks.yaml).

describe('request header names', () => {
  it("an 'X-Session-Id' header of a request, through fetch or Electron's net.fetch, is an account id", () => {
    const result = scanProject({
      'package.json': JSON.stringify({ name: 'app', dependencies: { electron: '30.0.0' } }),
      'ping.ts': [
        `import { net } from 'electron';`,
        `export async function ping(current: { id: string }) {`,
        `  await net.fetch('https://api.example.com/v1/ping', {`,
        `    method: 'POST',`,
        `    headers: new Headers({ 'X-Session-Id': current.id, 'X-Client': 'desktop' }),`,
        `  });`,
        `  await fetch('https://api.example.com/v1/ping', { headers: { 'x-session-id': current.id } });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['ping.ts:5 identity.account_id name:X-Session-Id', 'ping.ts:7 identity.account_id name:x-session-id']);
  });

  it('near miss: a sessionId payload key, a constant header and a header only called session are not', () => {
    const result = scanProject({
      'track.ts': [
        `export async function track(visit: { id: string }) {`,
        `  await fetch('https://collector.example.com/e', { method: 'POST', body: JSON.stringify({ sessionId: visit.id }) });`,
        `  await fetch('https://api.example.com/v1/ping', { headers: { 'X-Session-Id': 'none', 'X-Session': visit.id } });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});
