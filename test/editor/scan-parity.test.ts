// The editor must analyse a file exactly as `privlint scan` does: an import that reaches no project
// file is a package (its calls pass data on, `sha256()` hashes it), never a wrapper to look for.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/detect/analyze-file.js';
import { ProjectIndex } from '../../src/editor/project-index.js';
import { lintText, resetEditorSessions } from '../../src/editor/session.js';
import { analyzeFilesSync } from '../../src/engine/analyze-files.js';
import { loadSetup } from '../../src/engine/setup.js';
import { Timings } from '../../src/util/timings.js';
import { scan } from '../../src/scan.js';
import { writeProject } from '../helpers/temp-project.js';

const MANIFEST = `version: 1
app: { name: t }
categories:
  - id: device.id
    uses:
      - { purposes: [fraud_prevention], basis: legitimate_interest }
  - id: device.android_id
    uses:
      - { purposes: [fraud_prevention], basis: legitimate_interest }
  - id: usage.events
    uses:
      - { purposes: [analytics], basis: legitimate_interest }
  - id: device.info
    uses:
      - { purposes: [analytics], basis: legitimate_interest }
  - id: location.coarse
    uses:
      - { purposes: [analytics], basis: legitimate_interest }
  - id: network.ip_address
    uses:
      - { purposes: [analytics], basis: legitimate_interest }
recipients:
  - id: mixpanel
    name: Mixpanel
    role: processor
    packages: [mixpanel-browser]
    shares:
      - { categories: [usage.events, device.info, location.coarse, network.ip_address], purposes: [analytics] }
`;

const FILES = {
  'privacy-manifest.yaml': MANIFEST,
  'src/report.ts': `import DeviceInfo from 'react-native-device-info';
import { sha256 } from 'js-sha256';
import mixpanel from 'mixpanel-browser';
import { label } from './label';

export async function report() {
  // @privacy-purpose fraud_prevention
  const id = await DeviceInfo.getUniqueId();
  // privlint-disable-next-line no-undeclared-sharing -- only a hash of the id, reviewed with the DPO
  mixpanel.track(label('open'), { id: sha256(id) });
}
`,
  'src/label.ts': `export const label = (name: string) => \`app.\${name}\`;\n`,
};

const importedFrom = ({ reference }: { reference: { root: { kind: string; specifier?: string } } }) => reference.root.specifier;
const relativeOf = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

describe('the editor analyses a file as privlint scan does', () => {
  beforeEach(() => resetEditorSessions());

  it('treats an import of a package as a package, not as project code', () => {
    const root = writeProject(FILES);
    const setup = loadSetup({ root, cwd: root });
    const { files } = scan({ paths: [root], cwd: root });
    const scanned = analyzeFilesSync({ setup, files, timings: new Timings() }, analyzeSource).facts;
    const index = new ProjectIndex(setup);
    index.refresh();
    for (const file of files) expect(index.facts(file), relativeOf(root, file)).toEqual(scanned.get(file));
    // The call into ./label is a project call; sha256() is not.
    expect(index.facts(path.join(root, 'src/report.ts'))!.projectReferences.map(importedFrom)).toEqual(['./label']);
  });

  it('an edited text is analysed the same way', () => {
    const root = writeProject(FILES);
    const file = path.join(root, 'src/report.ts');
    const text = `${readFileSync(file, 'utf8')}\n`;
    const index = new ProjectIndex(loadSetup({ root, cwd: root }));
    index.refresh();
    expect(index.analyze(file, text).projectReferences.map(importedFrom)).toEqual(['./label']);
  });

  it('facts analysed before a module appeared are analysed again once it exists', () => {
    const { 'src/label.ts': label, ...withoutLabel } = FILES;
    const root = writeProject(withoutLabel);
    const file = path.join(root, 'src/report.ts');
    const index = new ProjectIndex(loadSetup({ root, cwd: root }));
    const now = 1_000_000;
    index.refresh(now);
    expect(index.facts(file)!.projectReferences.map(importedFrom)).toEqual([]); // ./label reaches no file yet
    writeFileSync(path.join(root, 'src/label.ts'), label);
    index.refresh(now + 60_000);
    expect(index.facts(file)!.projectReferences.map(importedFrom)).toEqual(['./label']);
  });

  it('a suppression that scan uses is not reported as unused in the editor (a flow through sha256 from js-sha256)', () => {
    const root = writeProject(FILES);
    const result = scan({ paths: [root], cwd: root });
    expect(result.suppressed.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`)).toEqual(['no-undeclared-sharing src/report.ts:10']);
    expect(result.suppressed[0]!.help).toContain('hashed on the way');
    expect(result.findings).toEqual([]);
    const file = path.join(root, 'src/report.ts');
    const text = readFileSync(file, 'utf8');
    expect(lintText(file, text, { cwd: root }).findings).toEqual([]);
    expect(lintText(file, `${text}\n`, { cwd: root }).findings).toEqual([]);
  });
});
