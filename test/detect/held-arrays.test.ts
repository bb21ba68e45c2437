import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

// An object sent whole is reported where it is sent, with a step where its personal key is written; the
// objects of an array sent whole, and an object spread into them, are searched as its own.
const lines = (...source: string[]) => source.join('\n') + '\n';
const steps = (files: Record<string, string>) =>
  scanProject(files).inventory.collections.map((site) => `${site.file}:${site.line} ${site.api} via ${site.via.map((step) => `${step.line}: ${step.note}`).join(' / ')}`);

describe('held arrays and spread objects', () => {
  it("the user's coordinates spread into each query of an array sent to a search API", () => {
    expect(
      steps({
        'src/search.ts': lines(
          `type Position = { latitude: number; longitude: number };`,
          `export async function search(text: string, userPosition: Position | null) {`,
          `  const common = {`,
          `    query: text,`,
          `    ...(userPosition ? { aroundLatLng: \`\${userPosition.latitude}, \${userPosition.longitude}\` } : {}),`,
          `  };`,
          `  const requests = [`,
          `    { indexName: 'offers', ...common, hitsPerPage: 20 },`,
          `    { indexName: 'venues', ...common, hitsPerPage: 4 },`,
          `  ];`,
          `  return fetch('https://search.example.com/1/indexes/*/queries', { method: 'POST', body: JSON.stringify(requests) });`,
          `}`,
        ),
      }),
    ).toEqual(['src/search.ts:11 name:requests.aroundLatLng via 5: aroundLatLng is put into the object sent']);
  });

  it("a venue's coordinates, or queries without a personal key, are no site", () => {
    expect(
      steps({
        'src/venue.ts': lines(
          `type Venue = { latitude: number; longitude: number };`,
          `export async function around(venue: Venue, text: string) {`,
          `  const common = { query: text, aroundLatLng: \`\${venue.latitude}, \${venue.longitude}\` };`,
          `  const requests = [{ indexName: 'offers', ...common }];`,
          `  const plain = [{ indexName: 'offers', query: text }];`,
          `  await fetch('https://search.example.com/q', { method: 'POST', body: JSON.stringify(plain) });`,
          `  return fetch('https://search.example.com/q', { method: 'POST', body: JSON.stringify(requests) });`,
          `}`,
        ),
      }),
    ).toEqual([]);
  });
});
