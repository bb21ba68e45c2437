// The package's public entry (package.json "exports": ".") as another tool would use it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const DEMO = path.join(REPO_ROOT, 'fixtures/apps/xiaomi-demo');

describe('the public API', () => {
  it('scans a project and formats the result with the same reporters as the CLI', () => {
    const result = api.scan({ cwd: DEMO });
    expect(result.manifest?.file).toBe(path.join(REPO_ROOT, 'fixtures/policies/xiaomi.yaml'));
    expect(result.inventory.collections.length).toBeGreaterThan(0);
    const json = JSON.parse(api.formatJson(result)) as api.JsonReport;
    expect(json.schemaVersion).toBe(api.JSON_SCHEMA_VERSION);
    expect(json.findings.map((finding) => finding.fingerprint)).toEqual(result.findings.map((finding) => finding.fingerprint));
    expect(api.RULE_IDS).toContain('require-consent-check');
  });

  it('loads and validates a manifest, reporting problems with positions', () => {
    const parsed = api.parseManifest('version: 1\napp: { name: X }\ncategories:\n  - id: device.imie\n', 'm.yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ file: 'm.yaml', line: 4 });
  });

  it('is what `import "privlint"` gives the built package', () => {
    const script = `import('privlint').then((m) => console.log(typeof m.scan, typeof m.loadManifest, typeof m.formatSarif))`;
    expect(execFileSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()).toBe('function function function');
  });
});
