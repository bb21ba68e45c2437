import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const SOURCE = [
  `import DeviceInfo from 'react-native-device-info';`,
  `export function load() {`,
  `  const id = DeviceInfo.getUniqueId();`,
  `  return id;`,
  `}`,
  `export const mac = DeviceInfo.getMacAddress();`,
].join('\n');

const fingerprints = (root: string) => scan({ cwd: root }).findings.map((finding) => `${finding.ruleId}@${finding.line} ${finding.fingerprint}`);

describe('fingerprints', () => {
  it('stay the same when lines are added or removed above a finding', () => {
    const root = writeProject({ 'src/a.ts': SOURCE });
    const before = scan({ cwd: root }).findings;
    writeFileSync(path.join(root, 'src/a.ts'), `// header\n// another\n\n${SOURCE}`);
    const after = scan({ cwd: root }).findings;
    expect(after.map((finding) => finding.line)).toEqual(before.map((finding) => finding.line + 3));
    expect(after.map((finding) => finding.fingerprint)).toEqual(before.map((finding) => finding.fingerprint));
  });

  it('change when the finding itself changes, and differ between identical lines', () => {
    const root = writeProject({ 'src/a.ts': SOURCE });
    const before = fingerprints(root);
    writeFileSync(path.join(root, 'src/a.ts'), SOURCE.replace('getMacAddress', 'getSerialNumber'));
    const after = fingerprints(root);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    const twice = writeProject({ 'src/a.ts': `import DeviceInfo from 'react-native-device-info';\nDeviceInfo.getUniqueId();\nDeviceInfo.getUniqueId();\n` });
    const [first, second] = scan({ cwd: twice }).findings;
    expect(first!.fingerprint).not.toBe(second!.fingerprint);
  });
});

describe('privlint baseline and scan --baseline', () => {
  it('round-trips: a baseline of today accepts today, reports only new findings, and lists entries that no longer match', async () => {
    const root = writeProject({ 'src/a.ts': SOURCE });
    const created = await runCli(['baseline'], { cwd: root });
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Wrote 2 findings to \.privlint-baseline\.json/);
    const baseline = JSON.parse(readFileSync(path.join(root, '.privlint-baseline.json'), 'utf8'));
    expect(baseline.entries.map((entry: { ruleId: string; note: string }) => [entry.ruleId, entry.note])).toEqual([
      ['require-purpose', ''],
      ['require-purpose', ''],
    ]);

    const clean = await runCli(['scan', '--baseline', '.privlint-baseline.json', '--fail-on', 'warning'], { cwd: root });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/2 findings accepted by the baseline/);

    writeFileSync(path.join(root, 'src/a.ts'), `// moved down\n${SOURCE.replace('export const mac = DeviceInfo.getMacAddress();', 'export const serial = DeviceInfo.getSerialNumber();')}`);
    const changed = await runCli(['scan', '--baseline', '.privlint-baseline.json', '--fail-on', 'warning', '--format', 'json'], { cwd: root });
    expect(changed.status).toBe(1);
    const report = JSON.parse(changed.stdout);
    expect(report.findings.map((finding: { line: number; message: string }) => finding.message.split(' ')[1])).toEqual(['device.serial']);
    expect(report.baseline.accepted).toBe(1);
    expect(report.baseline.stale.map((entry: { message: string }) => entry.message.split(' ')[1])).toEqual(['device.mac_address']);
  });

  it('refuses to overwrite a baseline without --update, and keeps reviewers\' notes with it', async () => {
    const root = writeProject({ 'src/a.ts': SOURCE });
    await runCli(['baseline'], { cwd: root });
    const file = path.join(root, '.privlint-baseline.json');
    const baseline = JSON.parse(readFileSync(file, 'utf8'));
    baseline.entries[0].note = 'accepted in PRIV-3';
    writeFileSync(file, JSON.stringify(baseline));
    const refused = await runCli(['baseline'], { cwd: root });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists; pass --update/);
    expect(JSON.parse(readFileSync(file, 'utf8')).entries[0].note).toBe('accepted in PRIV-3');
    const updated = await runCli(['baseline', '--update'], { cwd: root });
    expect(updated.status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).entries[0].note).toBe('accepted in PRIV-3');
  });

  it('explains a baseline it cannot write with exit code 2, and creates missing folders', async () => {
    const root = writeProject({ 'src/a.ts': SOURCE });
    const blocked = await runCli(['baseline', '--output', 'src/a.ts/baseline.json'], { cwd: root });
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toBe('privlint: src/a.ts/baseline.json: cannot write the baseline (a parent of it is a file)\n');
    const nested = await runCli(['baseline', '--output', 'ci/privlint/baseline.json'], { cwd: root });
    expect(nested.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'ci/privlint/baseline.json'), 'utf8')).entries).toHaveLength(2);
  });

  it('explains a missing or malformed baseline file with exit code 2', async () => {
    const root = writeProject({ 'src/a.ts': SOURCE, 'broken.json': '{ "version": 1, ' });
    const missing = await runCli(['scan', '--baseline', 'nope.json'], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such baseline file/);
    const broken = await runCli(['scan', '--baseline', 'broken.json'], { cwd: root });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toBe(
      'privlint: broken.json: not valid JSON; fix it there, or recreate it with privlint baseline --update\n' +
        "  broken.json:1:17  expected a property name in double quotes, found the end of the file\n",
    );
  });

  it('says where a baseline or a shard stops being JSON as line:column, not as a position', async () => {
    const root = writeProject({ 'src/a.ts': SOURCE, 'edited.json': '{\n  "version": 1,\n  "entries": [\n    { "fingerprint": "x", },\n  ]\n}\n', 'shard.json': '{"version": 1}\n}' });
    const edited = await runCli(['scan', '--baseline', 'edited.json'], { cwd: root });
    expect(edited.status).toBe(2);
    expect(edited.stderr).toContain('  edited.json:4:27  expected a property name in double quotes, found \'}\' (a comma before it?)\n');
    expect(edited.stderr).not.toMatch(/position/);
    const shard = await runCli(['merge', 'shard.json'], { cwd: root });
    expect(shard).toMatchObject({ status: 2, stderr: "privlint: shard.json: not valid JSON\n  shard.json:2:1  expected the end of the file after the JSON value, found '}'\n" });
  });
});

describe('baselines and findings merged at one place (one finding per rule per place)', () => {
  const OWN = ['device.advertising_id', 'device.id', 'device.info', 'location.coarse', 'network.ip_address', 'usage.events'];
  const manifest = (declared: string[]) =>
    `version: 1\napp: { name: Shop }\ncategories:\n${declared.map((id) => `  - id: ${id}\n    uses: [{ purposes: [analytics], basis: legitimate_interest }]\n`).join('')}recipients:\n  - id: google\n    role: processor\n    packages: ["@react-native-firebase/analytics"]\n`;
  const SOURCE_FILE = `import analytics from '@react-native-firebase/analytics';\nexport const ready = true;\n`;
  const undeclared = (root: string) => scan({ cwd: root }).findings.filter((finding) => finding.ruleId === 'no-undeclared-collection');
  /** A baseline as privlint wrote it before findings were merged: one entry per category, with the parts' fingerprints. */
  const oldStyleBaseline = (root: string) => {
    const [merged] = undeclared(root);
    return {
      version: 1,
      tool: 'privlint 0.1.0',
      entries: merged!.parts!.map((part) => ({ fingerprint: part.fingerprint, ruleId: 'no-undeclared-collection', file: 'src/a.ts', message: `… ${part.category} …`, note: `accepted ${part.category} in PRIV-9` })),
    };
  };

  it('a baseline written before the merge still accepts the merged finding; a new part makes it new', async () => {
    const root = writeProject({ 'privacy-manifest.yaml': manifest(OWN.filter((id) => !['device.info', 'location.coarse'].includes(id))), 'src/a.ts': SOURCE_FILE });
    writeFileSync(path.join(root, 'old.json'), JSON.stringify(oldStyleBaseline(root)));
    const accepted = await runCli(['scan', '--baseline', 'old.json', '--format', 'json', '--fail-on', 'note'], { cwd: root });
    expect(accepted.status).toBe(0);
    expect(JSON.parse(accepted.stdout).baseline).toMatchObject({ accepted: 1, stale: [] });

    writeFileSync(path.join(root, 'privacy-manifest.yaml'), manifest(OWN.filter((id) => !['device.info', 'location.coarse', 'network.ip_address'].includes(id))));
    const grown = await runCli(['scan', '--baseline', 'old.json', '--format', 'json', '--fail-on', 'note'], { cwd: root });
    expect(grown.status).toBe(1);
    expect(JSON.parse(grown.stdout).findings.map((finding: { parts: { category: string }[] }) => finding.parts.map((part) => part.category))).toEqual([['device.info', 'location.coarse', 'network.ip_address']]);
  });

  it('privlint baseline --update maps the old entries to the merged one, keeping their notes; its parts keep a part accepted when the others go', async () => {
    const root = writeProject({ 'privacy-manifest.yaml': manifest(OWN.filter((id) => !['device.info', 'location.coarse'].includes(id))), 'src/a.ts': SOURCE_FILE });
    const file = path.join(root, '.privlint-baseline.json');
    writeFileSync(file, JSON.stringify(oldStyleBaseline(root)));
    const updated = await runCli(['baseline', '--update'], { cwd: root });
    expect(updated.status).toBe(0);
    expect(updated.stdout).toBe('Wrote 1 finding to .privlint-baseline.json (0 fixed entries dropped, 2 entries mapped to findings merged at one place).\n');
    const [entry] = JSON.parse(readFileSync(file, 'utf8')).entries;
    const [merged] = undeclared(root);
    expect(entry).toEqual({
      fingerprint: merged!.fingerprint,
      parts: merged!.parts!.map((part) => part.fingerprint),
      ruleId: 'no-undeclared-collection',
      file: 'src/a.ts',
      message: merged!.message,
      note: 'accepted device.info in PRIV-9; accepted location.coarse in PRIV-9',
    });

    // device.info is declared now: location.coarse is left, a finding of its own, still accepted.
    writeFileSync(path.join(root, 'privacy-manifest.yaml'), manifest(OWN.filter((id) => id !== 'location.coarse')));
    const shrunk = await runCli(['scan', '--baseline', '.privlint-baseline.json', '--format', 'json', '--fail-on', 'note'], { cwd: root });
    expect(shrunk.status).toBe(0);
    expect(JSON.parse(shrunk.stdout).baseline).toMatchObject({ accepted: 1, stale: [] });
  });
});
