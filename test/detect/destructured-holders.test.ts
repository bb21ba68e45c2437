import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A value the file destructures personal members out of holds that data where the same name is sent whole.

describe('a value the file takes personal members out of', () => {
  it('is that data where it is sent whole, by its name or as a member of the same name', () => {
    const result = scanProject({
      'src/nearby.ts': [
        `import * as Sentry from '@sentry/react-native';`,
        `type Query = { latitude: number; longitude: number; radius: number };`,
        `type Params = { query: Query; page: number };`,
        `declare function search(latitude: number, longitude: number): Promise<unknown>;`,
        `export async function nearby(params: Params) {`,
        `  const { latitude, longitude } = params.query;`,
        `  try {`,
        `    return await search(latitude, longitude);`,
        `  } catch (error) {`,
        `    Sentry.captureException(error, {`,
        `      extra: { page: params.page, query: JSON.stringify(params.query) },`,
        `    });`,
        `  }`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/nearby.ts:11 location.precise name:query']);
  });

  it("a place's coordinates, a value whose destructured members name nothing personal, or an account an id is taken out of, stay silent", () => {
    const result = scanProject({
      'src/venue.ts': [
        `import * as Sentry from '@sentry/react-native';`,
        `type Venue = { latitude: number; longitude: number };`,
        `type Options = { page: number; size: number };`,
        `type Account = { userId: string; realm: string };`,
        `export function show(venue: Venue, options: Options, account: Account) {`,
        `  const { latitude, longitude } = venue;`,
        `  const { page, size } = options;`,
        `  const { userId } = account;`,
        `  Sentry.addBreadcrumb({ data: { venue: JSON.stringify(venue), options: JSON.stringify(options), who: JSON.stringify(account) } });`,
        `  return [latitude, longitude, page, size, userId];`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});
