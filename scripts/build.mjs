// Build: compile TypeScript to dist/ and copy the data files (catalog, taxonomy) and CommonJS helpers beside the code
// that loads them. Nothing generated is committed.
//
// `npm run build`, `npm test` and `npm run demo` build; so does `npm pack` (the `prepack` script),
// which is how the package, pre-commit's install of the hook and a tarball get dist/. There is no
// `prepare` script: the published package has nothing to run when it is installed. The build
// prints nothing on standard output (`npm pack` prints the tarball's name there, and pre-commit
// reads it), and on failure only the compiler's errors, on standard error.
// A build runs again only if an input changed since the last one: dist/.build-hash records a hash
// of everything the build reads. `node scripts/build.mjs --force` always rebuilds.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fg from 'fast-glob';

const require = createRequire(import.meta.url);
const STAMP = 'dist/.build-hash';
const OUTPUTS = ['dist/src/cli/bin.js', 'dist/src/index.js', 'dist/rules/index.js', 'dist/src/catalog/data/catalog.json'];

const inputs = fg.sync(['src/**', 'rules/**', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs'], { onlyFiles: true }).sort();
const hash = createHash('sha256');
hash.update(`typescript ${require('typescript/package.json').version}\0`);
for (const file of inputs) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
const digest = hash.digest('hex');

const upToDate = !process.argv.includes('--force') && OUTPUTS.every((file) => existsSync(file)) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest;
if (!upToDate) {
  rmSync('dist', { recursive: true, force: true });
  try {
    // tsc prints its errors on standard output: send them to standard error.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: ['ignore', 2, 2] });
  } catch (/** @type {any} */ error) {
    console.error(`build: the TypeScript compiler failed (exit code ${error.status ?? error.signal})`);
    process.exit(1);
  }
  for (const file of fg.sync(['src/**/*.yaml', 'src/**/*.json', 'src/**/*.cjs', 'src/**/*.d.cts'])) {
    cpSync(file, `dist/${file}`);
  }
  // The other YAML data files as JSON beside them, read instead by readBundledYaml (src/util/data-file.ts).
  const { parse: parseYaml } = await import('yaml');
  for (const file of fg.sync(['dist/src/taxonomy/*.yaml', 'dist/src/export/*.yaml', 'dist/src/catalog/*.yaml'])) {
    writeFileSync(`${file}.json`, JSON.stringify(parseYaml(readFileSync(file, 'utf8'))));
  }
  // The bundled catalog, parsed and validated once here rather than in every scan (src/catalog/load.ts).
  const { precompileBundledCatalog } = await import('../dist/src/catalog/load.js');
  writeFileSync('dist/src/catalog/data/catalog.json', precompileBundledCatalog());
  writeFileSync(STAMP, digest);
}
