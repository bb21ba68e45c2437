import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Read a YAML data file that ships with privlint, located relative to the calling module. The
 * build writes each one as JSON beside it (`categories.yaml.json`), read instead when present: a
 * scan, and each of its worker threads, then neither loads the YAML parser nor parses data it
 * could have parsed once.
 */
export function readBundledYaml(relativePath: string, base: string): unknown {
  const file = fileURLToPath(new URL(relativePath, base));
  const precompiled = `${file}.json`;
  if (existsSync(precompiled)) return JSON.parse(readFileSync(precompiled, 'utf8'));
  return yamlParser().parse(readFileSync(file, 'utf8'));
}

let yaml: typeof import('yaml') | undefined;

/** The `yaml` package, loaded on first use (it is the largest of privlint's dependencies to load). */
export function yamlParser(): typeof import('yaml') {
  return (yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
