import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A URL the user is sent to (sinks.yaml, `assigned: true`): the window's location, window.open and a
// link's href send what the URL carries to its server (detect/visitors/navigation.ts). A text a
// function builds in a `let` from named values and returns is reported where they are put in it.

describe('navigation sinks', () => {
  it('an id put into the location, window.open or a link decorated from a built text is a site', () => {
    const result = scanProject({
      'links.ts': [
        `function decorate(url: string, value: string): string {`,
        `  return url + (url.includes('?') ? '&' : '?') + 'ref=' + encodeURIComponent(value);`,
        `}`,
        `function linkText(values: { visitorId?: string; userId?: string }, long: boolean): string {`,
        `  let text;`,
        `  const { visitorId, userId } = values;`,
        `  if (long) {`,
        `    text = [`,
        `      visitorId,`,
        `      Date.now(),`,
        `      userId,`,
        `    ].map((part) => part ?? '').join('.');`,
        `  } else {`,
        `    text = String(Date.now());`,
        `  }`,
        `  return text;`,
        `}`,
        `export function onLinkClick(link: HTMLAnchorElement, ids: { visitorId: string; userId: string }) {`,
        `  link.href = decorate(link.href, linkText(ids, true));`,
        `}`,
        `export function leave(userId: string, email: string) {`,
        `  location.href = \`https://partner.example.com/welcome?uid=\${userId}\`;`,
        `  window.open('https://partner.example.com/?e=' + email);`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'links.ts:9 web.cookies name:visitorId',
      'links.ts:11 identity.account_id name:userId',
      'links.ts:22 identity.account_id name:userId',
      'links.ts:23 identity.email name:email',
    ]);
  });

  it('near miss: a built text that never reaches a URL, a constant link and a href only read are not', () => {
    const result = scanProject({
      'labels.ts': [
        `function label(values: { visitorId?: string; userId?: string }): string {`,
        `  let text;`,
        `  text = [values.visitorId, values.userId].join(' / ');`,
        `  return text;`,
        `}`,
        `export function show(el: HTMLElement, link: HTMLAnchorElement, ids: { visitorId: string; userId: string }) {`,
        `  el.title = label(ids);`,
        `  link.href = 'https://example.com/help';`,
        `  const userId = link.href;`,
        `  return userId;`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});
