import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// `args: { "0": [{ contains: text }] }` (EXAMPLE-FORMAT.md): an argument holding the text, as a
// custom morgan format holding the :remote-addr token.

describe('argument constraints that hold a text', () => {
  it('a custom morgan format with :remote-addr, literal or const, is a client-IP site', () => {
    const result = scanProject({
      'app.ts': [
        `import express from 'express';`,
        `import morgan from 'morgan';`,
        `const FORMAT = ':method :url :status - :remote-addr';`,
        `const app = express();`,
        `app.use(morgan(':remote-addr - :method :url'));`,
        `app.use(morgan(FORMAT));`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['app.ts:5 network.ip_address morgan#default', 'app.ts:6 network.ip_address morgan#default']);
  });

  it('near miss: a custom format without the address token', () => {
    const result = scanProject({
      'app.ts': [`import express from 'express';`, `import morgan from 'morgan';`, `express().use(morgan(':method :url :status :response-time ms'));`].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });

  it('a user catalog entry may use the pattern too (the schema accepts it)', () => {
    const result = scanProject({
      'privlint.config.json': JSON.stringify({ catalog: { globals: [{ path: 'acmeLog', kind: 'call', category: 'network.ip_address', confidence: 'medium', args: { '0': [{ contains: '%ip' }] } }] } }),
      'log.ts': `export function log() {\n  acmeLog('%ip %path');\n  acmeLog('%path');\n}\n`,
    });
    expect(sites(result)).toEqual(['log.ts:2 network.ip_address acmeLog']);
  });
});
