import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generate.mjs';
import { reportedInEditor } from '../../src/editor/reported-in-editor.js';
import { loadSetup } from '../../src/engine/setup.js';
import { ProjectIndex } from '../../src/editor/project-index.js';
import { lintText, resetEditorSessions } from '../../src/editor/session.js';
import { scan } from '../../src/scan.js';
import { writeProject } from '../helpers/temp-project.js';

/** Per-file findings as comparable rows: "file:line:column rule message". */
const rows = (findings: { file: string; line: number; column: number; ruleId: string; message: string }[]) =>
  findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`).sort();

function scanRows(root: string): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const finding of scan({ paths: [root], cwd: root }).findings) {
    if (!reportedInEditor(finding)) continue;
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), ...rows([finding])]);
  }
  return byFile;
}

const lint = (root: string, relative: string, text = readFileSync(path.join(root, relative), 'utf8')) => rows(lintText(path.join(root, relative), text, { cwd: root }).findings);

describe('the editor on a generated project (collectors, wrappers in other files, barrels, sinks)', () => {
  beforeEach(() => resetEditorSessions());

  it('reports, file by file, exactly the per-file findings of privlint scan, whether the text is as on disk or edited', () => {
    const root = writeProject({});
    generateProject(root, 150);
    const expected = scanRows(root);
    expect([...expected.values()].flat().length).toBeGreaterThanOrEqual(5); // one per rule per place: an SDK import is one finding however many categories it collects
    const { files } = scan({ paths: [root], cwd: root });
    for (const file of files) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      expect(lint(root, relative), relative).toEqual(expected.get(relative) ?? []);
      // An edit that changes nothing privlint sees (a new last line) goes through the edited-text path.
      expect(lint(root, relative, `${readFileSync(file, 'utf8')}\n`), `${relative} (edited)`).toEqual(expected.get(relative) ?? []);
    }
  });
});

describe('which files the editor analyses', () => {
  const files = {
    'privacy-manifest.yaml': 'version: 1\napp: { name: t }\ncategories: []\n',
    'src/device.ts': `import DeviceInfo from 'react-native-device-info';\nexport function readId() {\n  return DeviceInfo.getUniqueId();\n}\nexport const unrelated = 1;\n`,
    'src/index.ts': `export * from './device';\n`,
    'src/caller.ts': `import { readId } from './device';\nexport async function show() {\n  return readId();\n}\n`,
    'src/through-barrel.ts': `import { show } from './caller';\nexport const shown = show();\n`,
    'src/uses-unrelated.ts': `import { unrelated } from './device';\nexport const twice = unrelated * 2;\n`,
    'src/sender.ts': `export async function send(body: string) {\n  await fetch('https://api.example.com', { method: 'POST', body });\n}\n`,
    'src/calls-sender.ts': `import { readId } from './device';\nimport { send } from './sender';\nexport async function sync() {\n  await send(await readId());\n}\n`,
    'src/lonely-sender.ts': `export const ping = () => fetch('https://api.example.com/ping');\n`,
    'src/service.ts': `export class Api {\n  private request(url: string) {\n    return url;\n  }\n  get(url: string) {\n    return this.request(url);\n  }\n}\n`,
    'src/mentions-in-text.ts': `// see the react-native-device-info docs\nexport const label = 'device';\n`,
    'src/server.ts': `export function handler(req: { ip: string }) {\n  return req.ip;\n}\n`,
  };

  it('takes catalogued modules, callers of wrappers, barrels, request readers and the sinks they call; skips the rest', () => {
    const root = writeProject(files);
    const index = new ProjectIndex(loadSetup({ root, cwd: root }));
    index.refresh();
    const relevant = [...index.relevant().files].map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
    expect(relevant).toEqual([
      'src/caller.ts', // calls readId, so show() leads to a site
      'src/calls-sender.ts', // calls readId
      'src/device.ts', // loads a catalogued module
      'src/index.ts', // re-exports a relevant file
      'src/sender.ts', // a sink that a relevant file calls
      'src/server.ts', // reads a request object
      'src/through-barrel.ts', // calls show
    ]);
    // Not: uses-unrelated (imports an export that leads nowhere), lonely-sender (a sink nothing
    // relevant calls), service (`this.request` is not a request object), mentions-in-text (module
    // names outside import strings).
  });

  it("a barrel's other modules are skipped unless the barrel also re-exports a package; a wrapper behind them is still found", () => {
    const root = writeProject({
      'privacy-manifest.yaml': 'version: 1\napp: { name: t }\ncategories: []\n',
      'src/feature/format.ts': `export const formatDate = (d: Date) => d.toISOString();\n`,
      'src/feature/device.ts': `import DeviceInfo from 'react-native-device-info';\nexport function readId() {\n  return DeviceInfo.getUniqueId();\n}\n`,
      // The irrelevant module comes first: linking must search on past a module it did not read.
      'src/feature/index.ts': `export * from './format';\nexport * from './device';\n`,
      'src/screen.ts': `import { readId } from './feature';\nexport const shown = readId();\n`,
      'src/sdk/plain.ts': `export const version = '1';\n`,
      'src/sdk/index.ts': `export * from './plain';\nexport * from '@react-native-firebase/analytics';\n`,
      'src/track.ts': `import { logEvent } from './sdk';\nexport const track = () => logEvent('open');\n`,
    });
    const index = new ProjectIndex(loadSetup({ root, cwd: root }));
    index.refresh();
    const relevant = [...index.relevant().files].map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
    expect(relevant).toEqual(['src/feature/device.ts', 'src/feature/index.ts', 'src/screen.ts', 'src/sdk/index.ts', 'src/sdk/plain.ts', 'src/track.ts']);
    const expected = scanRows(root);
    expect(expected.get('src/screen.ts')?.length ?? 0).toBeGreaterThan(0); // the site is reported at the caller
    for (const file of ['src/screen.ts', 'src/track.ts', 'src/feature/index.ts']) expect(lint(root, file), file).toEqual(expected.get(file) ?? []);
  });

  it('an unsaved edit that makes a function a wrapper brings in its callers: the site is reported where scan reports it after saving', () => {
    const root = writeProject({
      'privacy-manifest.yaml': 'version: 1\napp: { name: t }\ncategories: []\n',
      'src/id.ts': `export function readId() {\n  return 'none';\n}\n`,
      'src/screen.ts': `import { readId } from './id';\nexport const shown = readId();\n`,
    });
    const edited = `import DeviceInfo from 'react-native-device-info';\nexport function readId() {\n  return DeviceInfo.getUniqueId();\n}\n`;
    const inEditor = lint(root, 'src/id.ts', edited);
    writeFileSync(path.join(root, 'src/id.ts'), edited);
    const afterSave = scanRows(root);
    expect(inEditor).toEqual(afterSave.get('src/id.ts') ?? []);
    expect(afterSave.get('src/screen.ts')?.length ?? 0).toBeGreaterThan(0); // the site is reported at the caller
  });
});

describe('the index on disk', () => {
  /** A project of one file that collects nothing, indexed. */
  const oneFileProject = () => {
    const root = writeProject({
      'privacy-manifest.yaml': 'version: 1\napp: { name: t }\ncategories: []\n',
      'src/a.ts': `export const a = 1;\n`,
    });
    return { root, index: new ProjectIndex(loadSetup({ root, cwd: root })) };
  };

  it('notices files changed, added and deleted since the last refresh', () => {
    const { root, index } = oneFileProject();
    let now = 1_000_000;
    index.refresh(now);
    const relevant = () => [...index.relevant().files].map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
    expect(relevant()).toEqual([]);

    writeFileSync(path.join(root, 'src/a.ts'), `import DeviceInfo from 'react-native-device-info';\nexport const a = DeviceInfo.getUniqueId();\n`);
    writeFileSync(path.join(root, 'src/b.ts'), `import { a } from './a';\nexport const b = a;\n`);
    index.refresh((now += 10)); // too soon: nothing is looked at
    expect(relevant()).toEqual([]);
    index.refresh((now += 5000));
    expect(relevant()).toEqual(['src/a.ts', 'src/b.ts']); // b uses what a collects

    rmSync(path.join(root, 'src/a.ts'));
    index.refresh(now + 5000);
    expect(index.has(path.join(root, 'src/a.ts'))).toBe(false);
    expect(index.has(path.join(root, 'src/b.ts'))).toBe(true);
    expect(relevant()).toEqual([]);
  });

  it('looks less often while the files linted are as it read them (an eslint . run)', () => {
    const { root, index } = oneFileProject();
    let now = 1_000_000;
    index.refresh(now);
    writeFileSync(path.join(root, 'src/b.ts'), `import DeviceInfo from 'react-native-device-info';\nexport const b = DeviceInfo.getUniqueId();\n`);
    index.refresh((now += 5000), true);
    expect(index.has(path.join(root, 'src/b.ts'))).toBe(false);
    index.refresh((now += 30_000), true);
    expect(index.has(path.join(root, 'src/b.ts'))).toBe(true);
    writeFileSync(path.join(root, 'src/c.ts'), `export const c = 3;\n`);
    index.refresh(now + 5000); // a linted text that differs from the index: the usual interval
    expect(index.has(path.join(root, 'src/c.ts'))).toBe(true);
  });
});
