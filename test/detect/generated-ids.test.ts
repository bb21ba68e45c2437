import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

describe('random identifiers the app generates', () => {
  it('is an install id where it is persisted and leaves: uuid v4 kept in AsyncStorage and sent, with the chain to the write', () => {
    const result = scanProject({
      'install.ts': `import { v4 as uuidv4 } from 'uuid';\nimport AsyncStorage from '@react-native-async-storage/async-storage';\n\nexport async function installId() {\n  const stored = await AsyncStorage.getItem('install_id');\n  if (stored) return stored;\n  const id = uuidv4();\n  await AsyncStorage.setItem('install_id', id);\n  await fetch('https://api.example.com/installs', { method: 'POST', body: JSON.stringify({ id }) });\n  return id;\n}\n`,
    });
    expect(sites(result)).toEqual(['install.ts:7 device.id uuid#v4']);
    expect(result.inventory.collections[0]!.sentThrough?.length).toBeGreaterThan(0);
  });

  it('is a visitor id (web.cookies) where it is kept in web storage and sent, or written into a cookie', () => {
    const result = scanProject({
      'visitor.ts': `export function visitorId() {\n  let id = localStorage.getItem('vid');\n  if (!id) {\n    id = crypto.randomUUID();\n    localStorage.setItem('vid', id);\n  }\n  navigator.sendBeacon('https://collector.example/v', id);\n  return id;\n}\n`,
      'cookie.ts': `import Cookies from 'js-cookie';\nimport { nanoid } from 'nanoid';\nexport function sessionCookie() {\n  const session = nanoid();\n  Cookies.set('sid', session, { expires: 365 });\n}\n`,
    });
    expect(sites(result)).toEqual(['cookie.ts:4 web.cookies nanoid#nanoid', 'visitor.ts:4 web.cookies crypto.randomUUID']);
  });

  it('near miss: an id kept on the device and never sent (a support code shown to the user) is collected by nobody', () => {
    const result = scanProject({
      'support.ts': `import { v4 as uuidv4 } from 'uuid';\nimport AsyncStorage from '@react-native-async-storage/async-storage';\n\nexport async function supportCode() {\n  const stored = await AsyncStorage.getItem('support_code');\n  if (stored) return stored;\n  const deviceId = uuidv4();\n  await AsyncStorage.setItem('support_code', deviceId);\n  return deviceId;\n}\n`,
    });
    expect(sites(result)).toEqual([]);
  });

  it('near miss: a uuid named deviceId that is only used locally (list keys) is not a site', () => {
    const result = scanProject({
      'keys.ts': `import { v4 as uuidv4 } from 'uuid';\nimport { randomUUID } from 'node:crypto';\n\nexport function withKeys(items: string[]) {\n  const deviceId = uuidv4();\n  const batch = randomUUID();\n  return items.map((item) => ({ key: \`\${deviceId}-\${batch}-\${item}\`, item }));\n}\n`,
    });
    expect(sites(result)).toEqual([]);
  });

  it('near miss: a random id only sent (a request id header) is not an install id', () => {
    const result = scanProject({
      'request.ts': `import { nanoid } from 'nanoid';\nexport function call(url: string) {\n  const requestId = nanoid();\n  return fetch(url, { headers: { 'X-Request-Id': requestId } });\n}\n`,
    });
    expect(sites(result)).toEqual([]);
    expect(result.inventory.flows).toEqual([]);
  });
});

describe('a browser storage helper of another file that keeps visitor ids', () => {
  it('is a web.cookies site at the write a visitor id reaches as its caller gave it; not what the helper makes of it beside, nor a helper only given a theme', () => {
    const result = scanProject({
      'src/storage.ts': [
        `export function attemptWrite(key: string, value: string) {`,
        `  try {`,
        `    const stamped = value + '|' + Date.now();`,
        `    window.localStorage.setItem(key, value);`,
        `    window.localStorage.setItem(key + '.stamp', stamped);`,
        `    return true;`,
        `  } catch (e) {`,
        `    return false;`,
        `  }`,
        `}`,
      ].join('\n'),
      'src/prefs-storage.ts': `export function keep(key: string, value: string) {\n  window.sessionStorage.setItem(key, value);\n}\n`,
      'src/ids.ts': [
        `import { v4 as uuidv4 } from 'uuid';`,
        `import { attemptWrite } from './storage';`,
        `import { keep } from './prefs-storage';`,
        `export function visitor() {`,
        `  const id = uuidv4();`,
        `  attemptWrite('_vid', id);`,
        `  navigator.sendBeacon('https://collector.example/hit', id);`,
        `}`,
        `export function prefs(theme: string) {`,
        `  keep('theme', theme);`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/ids.ts:5 web.cookies uuid#v4', 'src/storage.ts:4 web.cookies localStorage.setItem']);
  });
});
