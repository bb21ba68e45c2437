import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A member read by a literal key that names personal data (`payload['duid']`) is named by the key.

describe('a value read by a key that names it', () => {
  it('is a site at the read where its variable reaches a sink, named by the key; not where the variable already says it, the value stays, or it is the app\'s configuration', () => {
    const result = scanProject({
      'src/plugin.ts': [
        `export function afterTrack(event: Record<string, unknown>, row: Record<string, string>) {`,
        `  const current = event['duid'] as string;`,
        `  const email = row['email'];`,
        `  const kept = event['nuid'] as string;`,
        `  const page = event['url'];`,
        `  const from = process.env['SUPPORT_EMAIL'];`,
        `  navigator.sendBeacon('https://meter.example/hit', JSON.stringify({ current, email, page, from }));`,
        `  return kept === current;`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/plugin.ts:2 web.cookies name:event.duid', 'src/plugin.ts:7 identity.email name:email']);
  });
});
