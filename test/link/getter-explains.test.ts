import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A getter known by name explains the name its value is held in only for the device's own traits.
const request = [
  `export async function post(path: string, body: unknown) {`,
  `  return fetch('https://api.example.com' + path, { method: 'POST', body: JSON.stringify(body) });`,
  `}`,
].join('\n');

describe('a getter named for an account id', () => {
  it('does not explain away another account id sent through the same request helper (an invitee’s)', () => {
    const result = scanProject({
      'src/request.ts': request,
      'src/session.ts': [
        `import { post } from './request';`,
        `declare const session: { getAccountId(): Promise<string> };`,
        `export async function syncMine() {`,
        `  await post('/sync', { owner: await session.getAccountId() });`,
        `}`,
      ].join('\n'),
      'src/invite.ts': [
        `import { post } from './request';`,
        `export async function invite(member: { userId: string }, role: string) {`,
        `  await post('/invite', { userId: member.userId, role });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/invite.ts:3 identity.account_id name:userId', 'src/session.ts:4 identity.account_id name:getAccountId()']);
  });
});
