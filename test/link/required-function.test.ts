import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// `module.exports = (…) => …` required and called itself: linking follows the call into that function.
const lines = (...source: string[]) => source.join('\n') + '\n';

describe('a CommonJS module whose export is a function, required and called', () => {
  it('an e-mail handed to it reaches the request it makes', () => {
    const result = scanProject({
      'src/notify.js': lines(`module.exports = (address, text) => fetch('https://mail.example.com/send', { method: 'POST', body: text + address });`),
      'src/signup.js': lines(`const notify = require('./notify');`, `module.exports = { welcome: (email) => notify(email, 'Welcome') };`),
    });
    expect(sites(result)).toEqual(['src/signup.js:2 identity.email name:email']);
  });

  it('an e-mail handed to a required function that keeps it is no site', () => {
    const result = scanProject({
      'src/remember.js': lines(`const seen = new Set();`, `module.exports = (address) => seen.add(address);`),
      'src/signup.js': lines(`const remember = require('./remember');`, `module.exports = { welcome: (email) => remember(email) };`),
    });
    expect(sites(result)).toEqual([]);
  });
});
