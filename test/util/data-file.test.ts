import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

describe('the data files the build precompiles to JSON', () => {
  const precompiled = fg.sync('dist/src/**/*.yaml.json', { cwd: REPO_ROOT });

  it('covers every YAML data file that readBundledYaml reads', () => {
    expect(precompiled.map((file) => path.basename(file)).sort()).toEqual(
      ['categories.yaml.json', 'invokers.yaml.json', 'ipc-bridges.yaml.json', 'no-data-packages.yaml.json', 'play-console-form.yaml.json', 'purposes.yaml.json', 'store-rules.yaml.json'],
    );
  });

  it('hold what the YAML says', () => {
    for (const file of precompiled) {
      const yaml = parse(readFileSync(path.join(REPO_ROOT, file.replace(/\.json$/, '')), 'utf8'));
      expect(JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')), file).toEqual(yaml);
    }
  });
});
