import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A client-IP or IP-geolocation header read from the `headers` of an object no model names
// (docs/server-requests.md): a serverless event reached through a wrapper's context object.

describe('client headers on an unnamed object', () => {
  it("integrationContext.event.headers['client-ip'] and a geo header are sites", () => {
    const result = scanProject({
      'context.js': [
        `const createServerlessContext = (integrationContext) => {`,
        `  const country = integrationContext.event.headers['x-nf-geo'];`,
        `  return { ip: integrationContext.event.headers['client-ip'], country };`,
        `};`,
        `module.exports = { createServerlessContext };`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['context.js:2 location.coarse request#header:x-nf-geo', 'context.js:3 network.ip_address request#header:client-ip']);
  });

  it('near miss: other headers of an outgoing request or a response need the request model; a mock the code builds is no request', () => {
    const result = scanProject({
      'client.ts': [
        `const withAuth = (config) => ({ token: config.headers['authorization'], agent: config.headers['user-agent'] });`,
        `const contentType = (response) => response.headers['content-type'];`,
        `const mocked = () => { const event = { headers: { 'client-ip': '203.0.113.7' } }; return event.headers['client-ip']; };`,
        `const typed = (event: { headers: Record<string, string> }) => event.headers['client-ip'];`,
        `module.exports = { withAuth, contentType, mocked, typed };`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});
