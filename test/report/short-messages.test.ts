// A finding's first sentence says what and where; the policy reference and the fix are its help:
// the second line in text output, `help` in JSON, the message's markdown in SARIF (with the rule's help).
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { toSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import { scanProject } from '../helpers/temp-project.js';

const MANIFEST = 'version: 1\napp: { name: Shop }\ncategories:\n  - id: device.id\n    uses:\n      - purposes: [analytics]\n        basis: legitimate_interest\n';
const SOURCE = `import DeviceInfo from 'react-native-device-info';\n// @privacy-purpose analytics\nexport const serial = DeviceInfo.getSerialNumber();\n`;
const plain = new Proxy({}, { get: () => (text: string) => text }) as Parameters<typeof formatText>[1]['colors'];

describe('short messages', () => {
  const result = scanProject({ 'privacy-manifest.yaml': MANIFEST, 'src/a.ts': SOURCE });
  const finding = result.findings.find((candidate) => candidate.ruleId === 'no-undeclared-collection')!;

  it('split what and where from the policy reference and the fix', () => {
    expect(finding.message).toBe('Collects device.serial (react-native-device-info#getSerialNumber), which the manifest does not declare.');
    expect(finding.help).toBe('Fix: declare device.serial under categories in privacy-manifest.yaml, with purposes and a legal basis, or stop collecting it.');
  });

  it('text: the message on the finding\'s line, the help on the next', () => {
    const text = formatText(result, { colors: plain, cwd: result.root, readLines: () => [] });
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.includes('privlint/no-undeclared-collection'));
    expect(lines[at]).toBe(`  src/a.ts:3:23  error  ${finding.message}  privlint/no-undeclared-collection`);
    expect(lines[at + 1]).toBe(`    ${finding.help}`);
  });

  it('JSON: message and help', () => {
    const json = JSON.parse(formatJson(result));
    expect(json.findings.find((candidate: { ruleId: string }) => candidate.ruleId === 'no-undeclared-collection')).toMatchObject({ message: finding.message, help: finding.help });
  });

  it('SARIF: the first sentence as the text, with the help in the markdown', () => {
    const results = toSarif(result).runs[0]!.results;
    const sarif = results.find((candidate) => candidate.ruleId === 'no-undeclared-collection')!;
    expect(sarif.message).toEqual({ text: finding.message, markdown: `${finding.message}\n\n${finding.help}` });
  });
});
