import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WatchSession } from '../../src/engine/watch-session.js';
import { formatJson } from '../../src/report/json.js';
import { scan, type ScanResult } from '../../src/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const report = (result: ScanResult) => formatJson(result);

function shopCopy(): string {
  const root = writeProject({});
  cpSync(path.join(REPO_ROOT, 'fixtures/apps/rn-shop'), root, { recursive: true });
  return root;
}

const append = (file: string, text: string) => writeFileSync(file, `${readFileSync(file, 'utf8')}${text}`);

describe('a watch session', () => {
  it('gives what a fresh scan gives after edits, new, removed and renamed files, and manifest or config changes', () => {
    const root = shopCopy();
    const session = new WatchSession({ cwd: root });
    const fresh = () => report(scan({ cwd: root }));
    expect(report(session.run())).toBe(fresh());

    // An edit that adds a collection site.
    const ids = path.join(root, 'src/utils/ids.ts');
    append(ids, "\nimport DeviceInfo from 'react-native-device-info';\nexport const serial = () => DeviceInfo.getSerialNumber();\n");
    const edited = report(session.run([ids]));
    expect(edited).toContain('device.serial');
    expect(edited).toBe(fresh());

    // A new file that calls the wrapper above, then its removal.
    const added = path.join(root, 'src/screens/SerialScreen.tsx');
    writeFileSync(added, "import { serial } from '../utils/ids';\nexport const SerialScreen = () => serial();\n");
    const withScreen = report(session.run([added]));
    expect(withScreen).toContain('SerialScreen.tsx');
    expect(withScreen).toBe(fresh());
    rmSync(added);
    expect(report(session.run([added]))).toBe(fresh());

    // A renamed file: the old path goes, the new one comes (and imports of the old path no longer resolve).
    const moved = path.join(root, 'src/utils/identifiers.ts');
    renameSync(ids, moved);
    expect(report(session.run([ids, moved]))).toBe(fresh());

    // A module imported before it exists: once it does, the importer's facts (which took it for a package) are stale.
    const early = path.join(root, 'src/screens/EarlyScreen.tsx');
    writeFileSync(early, "import { late } from '../utils/late';\nexport const EarlyScreen = () => late();\n");
    expect(report(session.run([early]))).toBe(fresh());
    const late = path.join(root, 'src/utils/late.ts');
    writeFileSync(late, "import DeviceInfo from 'react-native-device-info';\nexport const late = () => DeviceInfo.getSerialNumber();\n");
    const resolved = report(session.run([late]));
    expect(resolved).toMatch(/EarlyScreen\.tsx[^]*via/);
    expect(resolved).toBe(fresh());

    // A consent added to the manifest: the result changes though no source did.
    const manifest = path.join(root, 'privacy-manifest.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^consents:/m, 'consents:\n  marketing:\n    mode: opt-in\n    description: added in the test'));
    expect(report(session.run([manifest]))).toBe(fresh());

    // A catalog extension in the config changes what is detected: facts in memory must not hide it.
    const configFile = path.join(root, 'privlint.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    config.catalog = { modules: [{ module: './src/utils/device', apis: [{ name: 'getDeviceId', kind: 'call', category: 'device.serial' }] }] };
    writeFileSync(configFile, JSON.stringify(config));
    const extended = report(session.run([configFile]));
    expect(extended).toContain('getDeviceId');
    expect(extended).toBe(fresh());
  });

  it('says which changes matter: scanned sources and setup files, not what the scan skips', () => {
    const root = shopCopy();
    const session = new WatchSession({ cwd: root });
    session.run();
    expect(session.affects(path.join(root, 'src/utils/ids.ts'))).toBe(true);
    expect(session.affects(path.join(root, 'src/utils/new.ts'))).toBe(true);
    expect(session.affects(path.join(root, 'privacy-manifest.yaml'))).toBe(true);
    expect(session.affects(path.join(root, 'tsconfig.json'))).toBe(true);
    expect(session.affects(path.join(root, 'dist/bundle.js'))).toBe(false);
    expect(session.affects(path.join(root, 'src/logo.png'))).toBe(false);
    expect(session.affects(path.join(root, 'README.md'))).toBe(false);
    expect(session.hadFilesIn(path.join(root, 'src/utils'))).toBe(true);
    expect(session.hadFilesIn(path.join(root, 'src/util'))).toBe(false);
  });
});
