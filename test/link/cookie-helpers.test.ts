// A get/set cookie helper is a wrapper of its `document.cookie` read: a caller that uses what it
// returns collects the cookie; a caller that writes through it, or only asks whether it is set, does not.
import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const HELPER = `export function cookie(name: string, value?: string, days?: number): string | undefined {
  if (value !== undefined) {
    document.cookie = name + '=' + encodeURIComponent(value) + '; max-age=' + (days ?? 1) * 86400;
    return undefined;
  }
  const found = document.cookie.match('(^|;)\\\\s*' + name + '\\\\s*=\\\\s*([^;]+)');
  return decodeURIComponent((found || [])[2] || '');
}
`;

function cookieLines(app: string): number[] {
  const result = scanProject({ 'src/cookie.ts': HELPER, 'src/app.ts': app });
  return result.inventory.collections.filter((site) => site.file === 'src/app.ts' && site.category === 'web.cookies').map((site) => site.line);
}

describe('cookie helpers', () => {
  it('report a caller that uses the decoded value, with the helper in its via chain', () => {
    const result = scanProject({
      'src/cookie.ts': HELPER,
      'src/app.ts': `import { cookie } from './cookie';\nexport function contexts() {\n  const clientId = cookie('_cid');\n  return [{ schema: 'ids', data: { clientId } }];\n}\n`,
    });
    const site = result.inventory.collections.find((collection) => collection.file === 'src/app.ts' && collection.category === 'web.cookies');
    expect(site?.line).toBe(3);
    expect(site?.via.map((step) => step.note)).toContain('cookie() returns document.cookie');
  });

  it('do not report a call that writes through the helper and drops its result', () => {
    expect(cookieLines(`import { cookie } from './cookie';\nexport function remember(id: string) {\n  cookie('_cid', id, 365);\n}\n`)).toEqual([]);
  });

  it('leave the site in the helper when every caller drops the result, so a read it sends itself is kept', () => {
    const result = scanProject({
      'src/consent.ts': `export function syncConsent(): string {\n  const consent = document.cookie;\n  void fetch('/consent', { method: 'POST', body: consent });\n  return consent;\n}\n`,
      'src/app.ts': `import { syncConsent } from './consent';\nexport function start() {\n  syncConsent();\n}\n`,
    });
    expect(result.inventory.collections.filter((site) => site.category === 'web.cookies').map((site) => `${site.file}:${site.line}`)).toEqual(['src/consent.ts:2']);
  });

  it('do not report a call only made into a yes/no', () => {
    const app = `import { cookie } from './cookie';\nexport const hasId = () => !!cookie('_cid');\nexport const known = Boolean(cookie('_seen'));\nexport const same = cookie('_v') === 'v2';\n`;
    expect(cookieLines(app)).toEqual([]);
  });
});
