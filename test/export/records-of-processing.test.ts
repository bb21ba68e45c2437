// `privlint export records`: a record of processing activities drafted from the manifest and the scan.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { parseCsv } from '../../src/export/csv.js';
import { formatRecordsCsv, recordsOfProcessing } from '../../src/export/records-of-processing.js';
import { scan } from '../../src/scan.js';
import { REPO_ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { scanProject, writeProject } from '../helpers/temp-project.js';

const catalog = loadCatalog();

describe('records of processing', () => {
  it('has a row per declared category and purpose, with basis, recipients, retention and the places in the code; then what the code does undeclared', () => {
    const result = scan({ cwd: path.join(REPO_ROOT, 'fixtures/apps/rn-shop') });
    const csv = formatRecordsCsv(recordsOfProcessing(result, result.manifest!, catalog));
    const { rows, lineEnd } = parseCsv(csv);
    expect(lineEnd).toBe('\r\n');
    expect(rows[0]).toEqual(['category', 'purpose', 'basis', 'recipient', 'retention', 'where in code']);
    const row = (category: string, purpose: string) => rows.find((candidate) => candidate[0] === category && candidate[1] === purpose);
    // Shared with two declared recipients; collected at the SDK import and the call that reads the token.
    expect(row('device.push_token', 'notifications')).toEqual(['device.push_token', 'notifications', 'contract', 'Google Firebase; Braze', 'P2Y', 'src/services/push.ts:1, src/services/push.ts:18']);
    // The AdMob SDK collects the advertising id on its own, for the recipient the manifest shares it with.
    expect(row('device.advertising_id', 'advertising')).toEqual(['device.advertising_id', 'advertising', 'consent', 'Google AdMob', 'P2Y', 'src/components/AdBanner.tsx:3, src/services/ads.ts:1']);
    // Declared, not found in the code: no place, its own retention.
    expect(row('contacts', 'app_functionality')).toEqual(['contacts', 'app_functionality', 'consent', '', 'P30D', '']);
    // The code sends the device id to Firebase for fraud prevention, which the manifest does not share with it.
    expect(row('device.id', 'fraud_prevention')![3]).toBe('Google Firebase (in the code, not declared for this)');
    // Collected beyond the manifest: the last row, marked.
    expect(rows.at(-1)).toEqual(['network.carrier', 'no purpose stated in the code', 'not declared in the manifest', '', '', 'src/services/api.ts:21']);
    expect(new Set(rows.map((candidate) => `${candidate[0]} ${candidate[1]} ${candidate[2]}`)).size).toBe(rows.length);
  });

  it('quotes cells as RFC 4180 says and keeps them from spreadsheet formulas', () => {
    const result = scanProject({
      'privacy-manifest.yaml': `version: 1
app: { name: app }
retention: { text: '=HYPERLINK("x"), kept "a while"', duration: P1Y }
categories:
  - id: device.id
    uses: [{ purposes: [analytics, fraud_prevention], basis: legitimate_interest }]
`,
      'src/a.ts': "import DeviceInfo from 'react-native-device-info';\n// @privacy-purpose analytics\nexport const id = DeviceInfo.getUniqueId();\n",
    });
    const csv = formatRecordsCsv(recordsOfProcessing(result, result.manifest!, catalog));
    expect(csv.split('\r\n')[1]).toBe(`device.id,analytics,legitimate interest,,"'=HYPERLINK(""x""), kept ""a while"" (P1Y)",src/a.ts:3`);
    // The site states analytics: it is not where the fraud-prevention activity happens.
    expect(csv.split('\r\n')[2]).toBe(`device.id,fraud_prevention,legitimate interest,,"'=HYPERLINK(""x""), kept ""a while"" (P1Y)",`);
  });

  it('is a CLI command that writes the file, warns about what the code does beyond the manifest, and needs a manifest', async () => {
    const folder = writeProject({});
    const out = path.join(folder, 'records.csv');
    const run = await runCli(['export', 'records', 'fixtures/apps/rn-shop', '--output', out]);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^category,purpose,basis,recipient,retention,where in code\r\n/);
    expect(run.stderr).toContain('so the record of processing may leave');
    expect(run.stderr).toMatch(/privlint: wrote the record of processing to .*records\.csv from fixtures\/apps\/rn-shop\/privacy-manifest\.yaml\n$/);
    const none = await runCli(['export', 'records'], { cwd: writeProject({ 'src/a.ts': 'export const a = 1;\n' }) });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('the record of processing is drafted from the manifest');
    expect(none.stderr).not.toMatch(STACK_TRACE);
  });
});
