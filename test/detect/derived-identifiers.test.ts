import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A hash that derives an identifier (sinks.yaml, kind: derive): personal data given to
// crypto's createHash().update is collected there, as a visitor id made from the IP address.

describe('identifiers derived by hashing', () => {
  it('an IP address and an e-mail hashed into ids are collection sites, with a derive flow', () => {
    const result = scanProject({
      'visitor.js': [
        `const crypto = require('crypto');`,
        `module.exports = (ip, userAgent, siteId) =>`,
        `  crypto.createHash('sha256').update(\`\${new Date().toDateString()}\${ip}\${userAgent}\${siteId}\`).digest('hex');`,
      ].join('\n'),
      'avatar.ts': [`import { createHash } from 'node:crypto';`, `export const avatarKey = (user: { email: string }) => createHash('md5').update(user.email).digest('hex');`].join('\n'),
    });
    expect(sites(result)).toEqual(['avatar.ts:2 identity.email name:email', 'visitor.js:3 network.ip_address name:ip']);
    expect(result.inventory.flows.map((flow) => `${flow.sink.file}:${flow.sink.line} ${flow.sink.kind} ${flow.category}`)).toEqual(['avatar.ts:2 derive identity.email', 'visitor.js:3 derive network.ip_address']);
  });

  it('near miss: file contents and paths hashed for a cache key, and a bare ip passed to an ordinary call', () => {
    const result = scanProject({
      'cache.js': [
        `const { createHash } = require('node:crypto');`,
        `const key = (buffer, path) => createHash('sha1').update(buffer).update(path).digest('hex');`,
        `const listen = (server, ip) => server.listen(8080, ip);`,
        `module.exports = { key, listen };`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});

describe('a bare ip handed to project code', () => {
  const lines = (...source: string[]) => source.join('\n') + '\n';
  it('is a site where the callee hashes it into a visitor id; handed to code that only sends it on, not', () => {
    const result = scanProject({
      'src/visitor.js': lines(
        `const crypto = require('crypto');`,
        `module.exports = (ip, agent, site) => crypto.createHash('sha256').update(ip + agent + site).digest('hex');`,
      ),
      'src/probe.js': lines(`module.exports = (ip) => fetch('http://' + ip + ':8080/health');`),
      'src/record.js': lines(
        `const visitor = require('./visitor');`,
        `const probe = require('./probe');`,
        `module.exports = async (site, { ip, agent }) => {`,
        `  const id = visitor(ip, agent, site);`,
        `  await probe(ip);`,
        `  return id;`,
        `};`,
      ),
    });
    expect(sites(result)).toEqual(['src/record.js:4 network.ip_address name:ip', 'src/visitor.js:2 network.ip_address name:ip']);
  });
});
