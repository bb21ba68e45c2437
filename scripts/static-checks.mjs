// npm test's static checks: the type-check (`npm run typecheck`) and the lint (`npm run lint`) at
// once — each is mostly one thread, and on a 2-core CI machine running them side by side saves
// about as long as the shorter takes. Each one's output is printed whole when it ends, so the two
// never interleave; the exit code is non-zero if either failed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** A package's file that its `exports` do not list (eslint's binary), found beside its package.json. */
const packageFile = (/** @type {string} */ name, /** @type {string} */ file) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);
/** @type {[string, string[]][]} */
const CHECKS = [
  ['type-check', [packageFile('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.json']],
  ['lint', [packageFile('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.']],
];

/**
 * @param {string} name
 * @param {string[]} args
 * @returns {Promise<boolean>}
 */
function run(name, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => {
      process.stderr.write(`${name}: could not start (${error.message})\n`);
      resolve(false);
    });
    child.on('close', (code) => {
      if (code !== 0) process.stderr.write(`${Buffer.concat(output).toString('utf8')}${name} failed (exit code ${code})\n`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(CHECKS.map(([name, args]) => run(name, args)));
process.exitCode = results.every(Boolean) ? 0 : 1;
