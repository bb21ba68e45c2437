import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A function named for setting personal data keeps what it reads under that data's name: collected there.

describe('a read kept by a setter named for the data', () => {
  it('is a site where a user-id setter keeps it (from a cookie, from the URL), not a value handed in (or read from one), another setter or a refresh', () => {
    const result = scanProject({
      'src/cookies.ts': [
        `export function readCookie(name: string): string | undefined {`,
        `  return document.cookie.split('; ').find((part) => part.startsWith(name + '='))?.split('=')[1];`,
        `}`,
      ].join('\n'),
      'src/tracker.ts': [
        `import { readCookie } from './cookies';`,
        `let currentUserId: string | undefined;`,
        `let pageTitle = '';`,
        `export const tracker = {`,
        `  setUserIdFromCookie(name: string) {`,
        `    currentUserId = readCookie(name);`,
        `  },`,
        `  setUserIdFromLocation(field: string) {`,
        `    currentUserId = new URL(window.location.href).searchParams.get(field) ?? undefined;`,
        `  },`,
        `  setUserId(id: string) {`,
        `    currentUserId = id;`,
        `  },`,
        `  setUserIdFromEvent(event: { detail: { id: string } }) {`,
        `    currentUserId = event.detail.id;`,
        `  },`,
        `  setTitleFromDocument() {`,
        `    pageTitle = document.title;`,
        `  },`,
        `  refresh() {`,
        `    currentUserId = new URL(window.location.href).searchParams.get('uid') ?? undefined;`,
        `  },`,
        `  payload: () => ({ title: pageTitle, id: currentUserId }),`,
        `};`,
      ].join('\n'),
    });
    expect(sites(result).filter((site) => site.includes('identity.'))).toEqual([
      'src/tracker.ts:6 identity.account_id name:currentUserId',
      'src/tracker.ts:9 identity.account_id name:currentUserId',
    ]);
  });
});
