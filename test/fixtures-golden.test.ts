import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenView } from '../scripts/golden-view.mjs';
import { scan } from '../src/scan.js';
import { REPO_ROOT } from './helpers/run-cli.js';

const APPS_FOLDER = path.join(REPO_ROOT, 'fixtures/apps');
const apps = readdirSync(APPS_FOLDER, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('fixture apps match their hand-reviewed expected results', () => {
  it('has the fixture apps the suite relies on', () => {
    expect(apps).toEqual(expect.arrayContaining(['expo-fit', 'node-api', 'rn-shop', 'web-news', 'xiaomi-demo']));
  });

  for (const app of apps) {
    it(`${app}: the full inventory and findings equal expected.json`, () => {
      const expectedFile = path.join(APPS_FOLDER, app, 'expected.json');
      expect(existsSync(expectedFile), `${app} needs an expected.json (npm run golden, then review)`).toBe(true);
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
      const actual = goldenView(scan({ paths: [path.join(APPS_FOLDER, app)] }));
      // Compared part by part so a failure says which list differs.
      expect(actual.collections).toEqual(expected.collections);
      expect(actual.sdks).toEqual(expected.sdks);
      expect(actual.flows).toEqual(expected.flows);
      expect(actual.findings).toEqual(expected.findings);
      expect(actual.diagnostics).toEqual(expected.diagnostics);
    });
  }
});
