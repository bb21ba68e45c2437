import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// More sinks for data known by its name (docs/personal-data.md): database writes, keyed payload builders.

describe('named data written to a database', () => {
  it('is a site in a model write (create, update, insertOne), not in a hash update or a plain call', () => {
    const result = scanProject({
      'src/visits.js': [
        `const Visit = require('./models/visit');`,
        `const crypto = require('crypto');`,
        `exports.add = async (input, db) => {`,
        `  await Visit.create({ page: input.page, screenWidth: input.screenWidth, osName: input.osName });`,
        `  await db.users.updateOne({ id: input.id }, { $set: { email: input.email } });`,
        `  const digest = crypto.createHash('sha256').update(input.email).digest('hex');`,
        `  describe({ screenWidth: input.screenWidth });`,
        `  return digest;`,
        `};`,
        `function describe(value) { return String(value); }`,
      ].join('\n'),
      'src/models/visit.js': `module.exports = { create: async (record) => record };\n`,
    });
    expect(sites(result)).toEqual([
      'src/visits.js:4 device.info name:screenWidth',
      'src/visits.js:4 device.info name:osName',
      'src/visits.js:5 identity.email name:email',
    ]);
  });
});
