// Regenerates fixtures/apps/<app>/expected.json from the current engine (npm run build first).
// The files are golden results: review every diff by hand against the app's EXPECTED.md before committing.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { goldenView } from './golden-view.mjs';
import { scan } from '../dist/src/scan.js';

const apps = process.argv.slice(2).length > 0 ? process.argv.slice(2) : readdirSync('fixtures/apps', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
for (const app of apps) {
  const folder = path.join('fixtures/apps', app);
  const view = goldenView(scan({ paths: [folder] }));
  writeFileSync(path.join(folder, 'expected.json'), `${JSON.stringify(view, null, 2)}\n`);
  console.log(`${folder}/expected.json: ${view.collections.length} collections, ${view.sdks.length} SDK uses, ${view.findings.length} findings`);
}
