import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { formatSarif, toSarif } from '../../src/report/sarif.js';
import { scan } from '../../src/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { validateSarif } from '../helpers/sarif-validator.js';
import { scanProject } from '../helpers/temp-project.js';

const APPS = readdirSync(path.join(REPO_ROOT, 'fixtures/apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('SARIF output', () => {
  it('the validator catches a broken file (so a clean result means something)', () => {
    const result = scan({ paths: [path.join(REPO_ROOT, 'fixtures/apps/node-api')] });
    const sarif = toSarif(result);
    (sarif.runs[0]!.results[0] as { locations: unknown[] }).locations = [];
    const issues = validateSarif(JSON.stringify(sarif));
    expect(issues.some((issue) => issue.level === 'error')).toBe(true);
  });

  for (const app of APPS) {
    it(`${app}: passes Microsoft's SARIF validator with the SARIF and GitHub rules, no errors or warnings`, () => {
      const result = scan({ paths: [path.join(REPO_ROOT, 'fixtures/apps', app)] });
      expect(result.findings.length).toBeGreaterThan(0);
      const issues = validateSarif(formatSarif(result, { includeSuppressed: true }));
      expect(issues).toEqual([]);
    });
  }

  it('lists every rule in a stable order and points results at them by index', () => {
    const result = scan({ paths: [path.join(REPO_ROOT, 'fixtures/apps/node-api')] });
    const run = toSarif(result, { category: 'mobile-app' }).runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.markdown).toContain(`privlint/${rule.id}`);
      expect(rule.properties.tags).toEqual(expect.arrayContaining(['privacy', 'security']));
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
      expect(rule.helpUri).toMatch(new RegExp(`/rules/${rule.id}\\.md$`));
    }
    for (const sarifResult of run.results) {
      expect(run.tool.driver.rules[sarifResult.ruleIndex]!.id).toBe(sarifResult.ruleId);
      const { artifactLocation, region } = sarifResult.locations[0]!.physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).toMatch(/^fixtures\/apps\/node-api\//);
      expect(region.startLine).toBeGreaterThan(0);
      expect(sarifResult.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
    }
    expect(run.automationDetails.id).toBe('mobile-app/');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${REPO_ROOT}/`);
  });

  it('carries the wrapper chain as relatedLocations and a codeFlow', () => {
    const result = scanProject({
      'src/device.ts': `import DeviceInfo from 'react-native-device-info';\nexport const id = () => DeviceInfo.getUniqueId();\n`,
      'src/use.ts': `import { id } from './device';\nexport const x = id();\n`,
    });
    const [first] = toSarif(result).runs[0]!.results as unknown as {
      relatedLocations: { physicalLocation: { artifactLocation: { uri: string } }; message: { text: string } }[];
      codeFlows: { threadFlows: { locations: unknown[] }[] }[];
    }[];
    expect(first!.relatedLocations.map((location) => location.message.text)).toEqual(['id() returns react-native-device-info#getUniqueId']);
    expect(first!.codeFlows[0]!.threadFlows[0]!.locations).toHaveLength(2);
  });

  it('leaves inline-suppressed findings out unless asked, and then marks them', () => {
    const result = scanProject({
      'src/a.ts': `import DeviceInfo from 'react-native-device-info';\n// privlint-disable-next-line require-purpose -- PRIV-1\nexport const a = DeviceInfo.getUniqueId();\nexport const b = DeviceInfo.getUniqueId();\n`,
    });
    expect(toSarif(result).runs[0]!.results).toHaveLength(1);
    const withSuppressed = toSarif(result, { includeSuppressed: true }).runs[0]!.results as { suppressions?: { kind: string; justification: string }[] }[];
    expect(withSuppressed).toHaveLength(2);
    // In file order, like every other list: the suppressed finding (line 3) comes first.
    expect(withSuppressed[0]!.suppressions).toEqual([{ kind: 'inSource', justification: 'PRIV-1' }]);
    expect(withSuppressed[1]!.suppressions).toBeUndefined();
  });

  it('reports parse problems as tool execution notifications', () => {
    const result = scanProject({ 'src/broken.ts': 'const = ;\n', 'src/ok.ts': 'export const a = 1;\n' });
    const notifications = toSarif(result).runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.level).toBe('warning');
    expect(notifications[0]!.message.text).toMatch(/cannot parse/);
  });

  it('refuses a run over GitHub\'s 25,000 results with a clear message', () => {
    const result = scanProject({ 'src/a.ts': `import DeviceInfo from 'react-native-device-info';\nexport const a = DeviceInfo.getUniqueId();\n` });
    const many = { ...result, findings: Array.from({ length: 25_001 }, () => result.findings[0]!) };
    expect(() => formatSarif(many)).toThrow(/25,001 results, over GitHub code scanning's limit of 25,000/);
  });
});
