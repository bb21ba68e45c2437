import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generate.mjs';
import { type CliRun, REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

/** The JSON report of a scan, without the machine-specific root. */
async function report(args: string[], cwd: string): Promise<string> {
  const run = await runCli(['scan', '.', '--format', 'json', '--quiet', ...args], { cwd });
  expect(run.stderr).toBe('');
  const json = JSON.parse(run.stdout);
  delete json.root;
  return JSON.stringify(json, null, 1);
}

function generated(files: number): string {
  const root = writeProject({});
  generateProject(root, files);
  return root;
}

describe('parallel analysis', () => {
  it('gives identical output with 1 and 2 workers', async () => {
    const root = generated(320);
    const single = await report(['--workers', '1'], root);
    expect(JSON.parse(single).inventory.collections.length).toBeGreaterThan(5);
    expect(await report(['--workers', '2'], root)).toBe(single); // this thread and one worker
    expect(await report(['--workers', '3'], root)).toBe(single);
  });

  it('gives identical output when a worker started before reading takes the few changed files', async () => {
    const root = generated(320);
    expect(await report(['--cache', '--workers', '2'], root)).toBe(await report(['--no-cache', '--workers', '1'], root));
    const edited = path.join(root, 'src/shared/pass-through.ts');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nimport DeviceInfo from 'react-native-device-info';\nexport const serial = DeviceInfo.getSerialNumber();\n`);
    const warm = await report(['--cache', '--workers', '2'], root);
    expect(warm).toContain('device.serial');
    expect(warm).toBe(await report(['--no-cache', '--workers', '1'], root));
  });

  it('gives identical output when, on one analysis thread, a warm cache has the worker parse instead of this thread', async () => {
    const root = generated(320);
    const cold = async () => await report(['--no-cache', '--workers', '1'], root);
    expect(await report(['--cache', '--workers', '1'], root)).toBe(await cold()); // no cache yet: this thread analyses
    const edited = path.join(root, 'src/shared/pass-through.ts');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nimport DeviceInfo from 'react-native-device-info';\nexport const serial = DeviceInfo.getSerialNumber();\n`);
    const warm = await report(['--cache', '--workers', '1'], root);
    expect(warm).toContain('device.serial');
    expect(warm).toBe(await cold());
    // A change that invalidates every entry: the one worker analyses all the files.
    writeFileSync(path.join(root, 'privlint.config.json'), JSON.stringify({ requestParameterNames: ['req', 'request', 'ctx'] }));
    expect(await report(['--cache', '--workers', '1'], root)).toBe(await cold());
  });
});

describe('the facts cache', () => {
  it('gives the same results as a cold scan after edits, deletes, renames, and catalog, config or manifest changes', async () => {
    const root = writeProject({});
    cpSync(path.join(REPO_ROOT, 'fixtures/apps/rn-shop'), root, { recursive: true });
    const cold = async (extra: string[] = []) => await report(['--no-cache', ...extra], root);
    const warm = async (extra: string[] = []) => await report(['--cache', ...extra], root);

    expect(await warm()).toBe(await cold()); // fills the cache
    expect(await warm()).toBe(await cold()); // served from it

    const screens = path.join(root, 'src/screens');
    const [first] = readdirSync(screens);
    const target = path.join(screens, first!);
    writeFileSync(target, `${readFileSync(target, 'utf8')}\nimport DeviceInfo from 'react-native-device-info';\nexport const extra = DeviceInfo.getSerialNumber();\n`);
    expect(await warm()).toBe(await cold());

    renameSync(target, path.join(screens, `Renamed${first}`));
    expect(await warm()).toBe(await cold());

    rmSync(path.join(screens, `Renamed${first}`));
    expect(await warm()).toBe(await cold());

    // A catalog extension in the config changes what is detected: the cache must not hide it.
    const configFile = path.join(root, 'privlint.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    config.catalog = { modules: [{ module: './src/utils/device', apis: [{ name: 'getDeviceId', kind: 'call', category: 'device.serial' }] }] };
    writeFileSync(configFile, JSON.stringify(config));
    expect(await warm()).toBe(await cold());

    // The manifest does not affect per-file facts, but the result must follow it.
    const manifestFile = path.join(root, 'privacy-manifest.yaml');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace(/\n\s*- id: device\.id\b/, '\n  - id: device.idx'));
    expect((await runCli(['scan', '.', '--cache', '--quiet'], { cwd: root })).stderr).toMatch(/device\.idx/);
  });

  it('writes .privlint-cache with its own .gitignore, and not at all without --cache', async () => {
    const root = writeProject({ 'src/a.ts': `import DeviceInfo from 'react-native-device-info';\nexport const id = DeviceInfo.getUniqueId();\n` });
    await runCli(['scan', '.', '--quiet'], { cwd: root });
    expect(() => readFileSync(path.join(root, '.privlint-cache/.gitignore'))).toThrow();
    await runCli(['scan', '.', '--quiet', '--cache'], { cwd: root });
    expect(readFileSync(path.join(root, '.privlint-cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });
});

describe('sharding', () => {
  for (const [name, setup] of [
    ['a fixture app with data flows', () => path.join(REPO_ROOT, 'fixtures/apps/xiaomi-demo')],
    ['a generated project', () => generated(120)],
  ] as const) {
    it(`merge(shards) equals the unsharded scan for ${name}, in JSON and SARIF`, async () => {
      const root = setup();
      const folder = writeProject({});
      for (const format of ['json', 'sarif']) {
        const whole = (await runCli(['scan', '.', '--format', format, '--quiet', '--fail-on', 'never'], { cwd: root })).stdout;
        if (format === 'json') expect(JSON.parse(whole).inventory.flows.length, 'the project has data flows').toBeGreaterThan(0);
        const shards: string[] = [];
        for (const index of [3, 1, 2]) {
          const file = path.join(folder, `${format}-${index}`);
          await runCli(['scan', '.', '--format', format, '--quiet', '--shard', `${index}/3`, '--output', file], { cwd: root });
          shards.push(file);
        }
        const merged = await runCli(['merge', ...shards], { cwd: root });
        expect(merged.stderr).toBe('');
        expect(merged.status).toBe(0);
        expect(merged.stdout).toBe(whole);
      }
    });
  }

  it('rejects a bad --shard, a merge of mixed formats, and inputs that are not the shards of one run', async () => {
    expect((await runCli(['scan', 'fixtures/apps/node-api', '--shard', '4/3'])).stderr).toMatch(/--shard takes K\/N/);
    const app = path.join(REPO_ROOT, 'fixtures/apps/node-api');
    const folder = writeProject({});
    const shard = async (spec: string, format = 'json', extra: string[] = []) => {
      const file = path.join(folder, `${format}-${spec.replace('/', '-of-')}${extra.join('')}`);
      await runCli(['scan', '.', '--format', format, '--quiet', '--shard', spec, '--output', file, ...extra], { cwd: app });
      return path.basename(file);
    };
    const merge = async (...files: string[]) => await runCli(['merge', ...files], { cwd: folder });
    const expectError = (run: CliRun, message: RegExp) => {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    };
    const [one, two] = [await shard('1/2'), await shard('2/2')];
    expect((await merge(one, two)).status).toBe(0);

    expectError(await merge(one, one, two), /shard 1\/2 is given twice \(json-1-of-2 and json-1-of-2\)/);
    expectError(await merge(one), /shard 2\/2 is missing/);
    expectError(await merge(one, await shard('2/3')), /number of shards/);
    expectError(await merge(await shard('1/2', 'sarif'), await shard('2/2', 'sarif', ['--category', 'web'])), /category: .*privlint\/.*web\//);

    writeFileSync(path.join(folder, 'unsharded.json'), (await runCli(['scan', '.', '--format', 'json', '--quiet'], { cwd: app })).stdout);
    expectError(await merge(one, 'unsharded.json'), /unsharded\.json: not the output of a sharded scan/);

    const older = JSON.parse(readFileSync(path.join(folder, two), 'utf8'));
    older.tool.version = '0.0.1';
    writeFileSync(path.join(folder, 'older.json'), JSON.stringify(older));
    expectError(await merge(one, 'older.json'), /privlint version: json-1-of-2 \S+, older\.json 0\.0\.1/);

    writeFileSync(path.join(folder, 'b.sarif'), readFileSync(path.join(folder, await shard('2/2', 'sarif')), 'utf8'));
    expectError(await merge(one, 'b.sarif'), /one format/);
  });
});

describe('for people', () => {
  it('--timing prints the phases on stderr; no progress line when stderr is not a terminal', async () => {
    const run = await runCli(['scan', 'fixtures/apps/node-api', '--timing', '--format', 'json']);
    expect(run.stderr).toMatch(/privlint timing/);
    for (const phase of ['setup', 'discover', 'parse', 'detect', 'resolve', 'flows', 'check', 'report', 'total']) expect(run.stderr).toMatch(new RegExp(`\\n  ${phase} +\\d+ ms`));
    expect(run.stderr).not.toMatch(/analysing/);
  });
});
