import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

describe('resolution: dynamic import with .then, request handlers, headers, ambient globals', () => {
  it('follows import() into .then callbacks: namespace, destructured and default', () => {
    const result = scanProject({
      'a.ts': [
        `import('react-native-device-info').then((m) => m.getUniqueId());`,
        `import('react-native-device-info').then(({ getAndroidId }) => getAndroidId());`,
        `import('react-native-device-info').then((m) => m.default.getSerialNumber());`,
        `const getUniqueId = () => 'local';`,
        `import('./local').then((m) => m.getUniqueId());`,
      ].join('\n'),
      'local.ts': `export const getUniqueId = () => 'x';\n`,
    });
    expect(sites(result)).toEqual([
      'a.ts:1 device.android_id react-native-device-info#getUniqueId',
      'a.ts:1 device.id react-native-device-info#getUniqueId',
      'a.ts:2 device.android_id react-native-device-info#getAndroidId',
      'a.ts:3 device.serial react-native-device-info#getSerialNumber',
    ]);
  });

  it('takes the request parameter of framework handlers whatever its name', () => {
    const result = scanProject({
      'server.ts': [
        `import http from 'node:http';`,
        `import express, { Router } from 'express';`,
        `import Fastify from 'fastify';`,
        `import Koa from 'koa';`,
        `http.createServer((incoming, out) => { out.end(incoming.socket.remoteAddress); });`,
        `const app = express();`,
        `app.get('/a', (r, s) => s.send(r.ip));`,
        `const router = Router();`,
        `router.post('/b', (r, s) => s.send(r.headers['x-real-ip']));`,
        `app.use((err: Error, r: unknown, s: any, next: () => void) => s.send(r.ip));`,
        `const fastify = Fastify();`,
        `fastify.get('/c', async (q) => q.ips);`,
        `const koa = new Koa();`,
        `koa.use(async (c) => { c.body = c.request.ip; });`,
        `app.listen(3000, (x: any) => x.ip);`,
        `[1].map((r: any) => r.ip);`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'server.ts:5 network.ip_address request#socket.remoteAddress',
      'server.ts:7 network.ip_address request#ip',
      'server.ts:9 network.ip_address request#header:x-real-ip',
      'server.ts:10 network.ip_address request#ip',
      'server.ts:12 network.ip_address request#ips',
      'server.ts:14 network.ip_address request#ip',
    ]);
  });

  it('knows Next.js route handlers and headers() from next/headers', () => {
    const result = scanProject({
      'app/api/ip/route.ts': `export async function GET(r: Request) { return r.headers.get('x-forwarded-for'); }\nexport const POST = async (q) => q.headers.get('x-real-ip');\nfunction helper(q: any) { return q.headers.get('x-real-ip'); }\n`,
      'app/page.tsx': [
        `import { headers } from 'next/headers';`,
        `export default async function Page() {`,
        `  const ip = (await headers()).get('x-forwarded-for');`,
        `  const list = await headers();`,
        `  const ua = list.get('user-agent');`,
        `  return ip + ua;`,
        `}`,
      ].join('\n'),
      'lib/other.ts': `export async function GET(q: any) { return q.headers.get('x-real-ip'); }\n`,
    });
    expect(sites(result)).toEqual([
      'app/api/ip/route.ts:1 network.ip_address request#header:x-forwarded-for',
      'app/api/ip/route.ts:2 network.ip_address request#header:x-real-ip',
      'app/page.tsx:3 network.ip_address request#header:x-forwarded-for',
      'app/page.tsx:5 device.info request#header:user-agent',
    ]);
  });

  it('reads headers by dot access, destructuring and from members of const objects', () => {
    const result = scanProject({
      'h.ts': `export const IP_HEADERS = { REAL: 'x-real-ip' } as const;\n`,
      'a.ts': [
        `import { IP_HEADERS } from './h';`,
        `const H = { REAL: 'x-real-ip', nested: { cf: 'cf-connecting-ip' } } as const;`,
        `export function f(req: any) {`,
        `  const a = req.headers.forwarded;`,
        `  const b = req.headers[H.REAL];`,
        `  const c = req.headers[H.nested.cf];`,
        `  const { 'x-forwarded-for': d } = req.headers;`,
        `  const e = req.headers[IP_HEADERS.REAL];`,
        `  return [a, b, c, d, e];`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'a.ts:4 network.ip_address request#header:forwarded',
      'a.ts:5 network.ip_address request#header:x-real-ip',
      'a.ts:6 network.ip_address request#header:cf-connecting-ip',
      'a.ts:7 network.ip_address request#header:x-forwarded-for',
      'a.ts:8 network.ip_address request#header:x-real-ip',
    ]);
  });

  it('does not let an ambient declaration shadow the global it describes, but a real local does', () => {
    const result = scanProject({
      'cordova.ts': `declare const device: any;\nexport const id = device.uuid;\n`,
      'pixel.ts': `declare const fbq: any;\nfbq('track', 'Purchase');\n`,
      'local.ts': `const device = { uuid: 'generated' };\nexport const id = device.uuid;\n`,
    });
    expect(sites(result)).toEqual(['cordova.ts:2 device.android_id device.uuid', 'cordova.ts:2 device.id device.uuid']);
    expect(result.inventory.sdks.map((use) => `${use.file}:${use.line} ${use.package}`)).toEqual(['pixel.ts:2 global:fbq']);
  });

  it('a parameter named like a request but typed as a plain object is not a request', () => {
    const result = scanProject({
      'a.ts': `export function f(request: { ip: string }) { return request.ip; }\nexport function g(req: { headers: Record<string, string> }) { return req.headers['x-real-ip']; }\nexport function h(req) { return req.ip; }\n`,
    });
    expect(sites(result)).toEqual(['a.ts:3 network.ip_address request#ip']);
  });
});

describe('the editor pre-check knows what makes a request parameter', () => {
  it('opens files that load a request framework or next/headers, or export a route handler; not others', async () => {
    const { CatalogIndex } = await import('../../src/catalog/match.js');
    const { loadCatalog } = await import('../../src/catalog/load.js');
    const { catalogRole, scanText } = await import('../../src/editor/text-scan.js');
    const catalog = new CatalogIndex(loadCatalog());
    const role = (text: string) => catalogRole(scanText(text), catalog, ['req', 'request', 'ctx', 'context']);
    expect(role(`import express from 'express';\nconst app = express();\napp.get('/', (incoming, res) => res.send(incoming.ip));\n`)).toBe('collects');
    expect(role(`import { headers } from 'next/headers';\nexport async function page() { return (await headers()).get('x-real-ip'); }\n`)).toBe('collects');
    expect(role(`export async function GET(incoming) { return incoming.url; }\n`)).toBe('collects');
    expect(role(`export const GET = async (incoming) => incoming.url;\n`)).toBe('collects');
    expect(role(`export const label = 'GET';\nexport function getTotal(a: number, b: number) { return a + b; }\n`)).toBeUndefined();
  });
});
