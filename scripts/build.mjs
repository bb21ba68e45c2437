// Build: compile TypeScript to dist/ and copy the data files (catalog, taxonomy) and CommonJS helpers beside the code
// that loads them. Nothing generated is committed.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fg from 'fast-glob';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
for (const file of fg.sync(['src/**/*.yaml', 'src/**/*.json', 'src/**/*.cjs', 'src/**/*.d.cts'])) {
  cpSync(file, `dist/${file}`);
}
// The bundled catalog, parsed and validated once here rather than in every scan (src/catalog/load.ts).
const { precompileBundledCatalog } = await import('../dist/src/catalog/load.js');
writeFileSync('dist/src/catalog/data/catalog.json', precompileBundledCatalog());
