import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

/** A project with a privlint.config.json whose catalog extends the bundled one. */
function scanWithCatalog(catalog: object, files: Record<string, string>) {
  return scanProject({ 'privlint.config.json': JSON.stringify({ catalog }), ...files });
}

describe('value models: an HTTP request and its headers, however the code gets them', () => {
  it('recognises a request by its type annotation, also a type imported from the framework or qualified by its namespace', () => {
    const result = scanProject({
      'a.ts': `export function handle(incoming: Request) {\n  return incoming.headers.get('X-Forwarded-For');\n}\n`,
      'b.ts': `import express from 'express';\nexport function ip(r: express.Request) {\n  return r.ip;\n}\n`,
      'c.ts': `import type { Request as ExpressRequest } from 'express';\nexport const who = (r: ExpressRequest | undefined) => r?.socket.remoteAddress;\n`,
    });
    expect(sites(result)).toEqual([
      'a.ts:2 network.ip_address request#header:x-forwarded-for',
      'b.ts:3 network.ip_address request#ip',
      'c.ts:2 network.ip_address request#socket.remoteAddress',
    ]);
  });

  it('follows members into sub-models and keyed getters, through aliases and case-insensitively', () => {
    const result = scanProject({
      'a.ts': `export function f(req: any) {\n  const h = req.headers;\n  const { 'cf-connecting-ip': cf } = h;\n  return [h['X-Real-IP'], cf, req.get('true-client-ip'), req.request.header('x-client-ip')];\n}\n`,
    });
    expect(sites(result)).toEqual([
      'a.ts:3 network.ip_address request#header:cf-connecting-ip',
      'a.ts:4 network.ip_address request#header:x-real-ip',
      'a.ts:4 network.ip_address request#header:true-client-ip',
      'a.ts:4 network.ip_address request#header:x-client-ip',
    ]);
  });

  it('types a variable by its annotation: Node’s IncomingHttpHeaders and the Fetch API’s Headers are request headers', () => {
    const result = scanProject({
      'a.ts': `import type { IncomingHttpHeaders } from 'node:http';\nexport function f(headers: IncomingHttpHeaders, h2: Headers) {\n  const copy: Headers = h2;\n  return [headers['x-real-ip'], copy.get('cf-ipcountry')];\n}\n`,
    });
    expect(sites(result)).toEqual(['a.ts:4 network.ip_address request#header:x-real-ip', 'a.ts:4 location.coarse request#header:cf-ipcountry']);
  });

  it('finds NestJS requests and IPs injected by decorators (@Req, @Headers(name), @Ip)', () => {
    const result = scanProject({
      'app.controller.ts': [
        `import { Controller, Get, Headers, Ip, Req } from '@nestjs/common';`,
        `@Controller()`,
        `export class AppController {`,
        `  @Get()`,
        `  visit(@Req() incoming: any, @Ip() address: string, @Headers('x-forwarded-for') forwarded: string, @Headers() all: Record<string, string>) {`,
        `    return [incoming.ip, address, forwarded, all['cf-ipcity']];`,
        `  }`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'app.controller.ts:5 network.ip_address @nestjs/common#Ip',
      'app.controller.ts:5 network.ip_address request#header:x-forwarded-for',
      'app.controller.ts:6 network.ip_address request#ip',
    ]);
    // `all['cf-ipcity']` is not catalogued as a header (only cf-ipcountry is): no site. The injected values flow on.
    const flows = scanProject({
      'c.ts': `import { Ip } from '@nestjs/common';\nexport class C {\n  visit(@Ip() address: string) {\n    return fetch('https://geo.example/' + address);\n  }\n}\n`,
    });
    expect(flows.inventory.flows.map((flow) => `${flow.category} ${flow.sink.callee}`)).toEqual(['network.ip_address fetch']);
  });

  it('does not take a plain object type or a shadowing local for a request', () => {
    const result = scanProject({
      'a.ts': `export function f(req: { ip: string }) {\n  return req.ip;\n}\nexport function g() {\n  const req = { ip: '127.0.0.1' };\n  return req.ip;\n}\n`,
    });
    expect(sites(result)).toEqual([]);
  });
});

describe('the access-path language is data: a project adds a model, an argument constraint, a member known on any object', () => {
  // The bundled catalog has its own canvas model and WebGL getParameter entries
  // (sources/fingerprinting.yaml): these use an element and constants it does not list.
  it('a model produced by a global call with a literal argument, and its members', () => {
    const result = scanWithCatalog(
      {
        models: [
          { id: 'acme.canvas', producers: [{ path: 'document.createElement()', args: { '0': ['acme-canvas'] } }], members: [{ path: 'snapshot()', kind: 'call', category: 'device.fingerprint' }] },
        ],
      },
      {
        'a.ts': `export function probe() {\n  const canvas = document.createElement('acme-canvas');\n  const div = document.createElement('div');\n  return [canvas.snapshot(), div.snapshot()];\n}\n`,
      },
    );
    expect(sites(result)).toEqual(['a.ts:4 device.fingerprint acme.canvas#snapshot()']);
  });

  it('a member API matched on any receiver, by the name of its argument', () => {
    const result = scanWithCatalog(
      { members: [{ name: 'getParameter', kind: 'call', args: { '0': ['MAX_TEXTURE_SIZE', 'MAX_VIEWPORT_DIMS', '3379'] }, category: 'device.fingerprint' }] },
      {
        'a.ts': `export function gpu(gl: any, info: any) {\n  return [gl.getParameter(gl.MAX_TEXTURE_SIZE), gl.getParameter(info.MAX_VIEWPORT_DIMS), gl.getParameter(3379), gl.getParameter(gl.DEPTH_BITS)];\n}\n`,
      },
    );
    expect(sites(result)).toEqual(['a.ts:2 device.fingerprint *.getParameter', 'a.ts:2 device.fingerprint *.getParameter', 'a.ts:2 device.fingerprint *.getParameter']);
  });

  it('a global constructor reached through `||` (a vendor-prefixed fallback) and a window alias', () => {
    const result = scanWithCatalog(
      { globals: [{ path: 'OfflineAudioContext', kind: 'construct', category: 'device.fingerprint' }] },
      { 'a.ts': `const w = window;\nexport function audio() {\n  const AudioContext = w.OfflineAudioContext || (w as any).webkitOfflineAudioContext;\n  return new AudioContext(1, 5000, 44100);\n}\n` },
    );
    expect(sites(result)).toEqual(['a.ts:4 device.fingerprint OfflineAudioContext']);
  });

  it('a model recognised by a type imported from a module, and only from that module', () => {
    const result = scanWithCatalog(
      { models: [{ id: 'acme.session', types: [{ name: 'Session', module: 'acme-auth' }], members: [{ path: 'user.email', category: 'identity.email' }] }] },
      {
        'a.ts': `import type { Session } from 'acme-auth';\nexport const email = (s: Session) => s.user.email;\n`,
        'b.ts': `import type { Session } from './local-session';\nexport const email = (s: Session) => s.user.email;\n`,
        'local-session.ts': `export interface Session { user: { email: string } }\n`,
      },
    );
    expect(sites(result)).toEqual(['a.ts:2 identity.email acme.session#user.email']);
  });

  it('an accessor function keyed by its argument, and a route handler in any file or a default-exported object', () => {
    const result = scanWithCatalog(
      {
        models: [
          { id: 'http.headers', accessors: [{ module: 'acme-http', path: 'getHeader', keyArgument: 1 }] },
          { id: 'http.request', route_exports: [{ files: ['*'], exports: ['handler', 'default.fetch'] }] },
        ],
      },
      {
        'a.ts': `import { getHeader } from 'acme-http';\nexport const f = (event: unknown) => getHeader(event, 'X-Real-IP');\n`,
        'lambda.ts': `export const handler = async (evt: any) => evt.headers['x-forwarded-for'];\n`,
        'worker.ts': `export default {\n  async fetch(incoming: any) {\n    return incoming.ip;\n  },\n};\n`,
      },
    );
    expect(sites(result)).toEqual([
      'a.ts:2 network.ip_address request#header:x-real-ip',
      'lambda.ts:1 network.ip_address request#header:x-forwarded-for',
      'worker.ts:3 network.ip_address request#ip',
    ]);
  });
});
