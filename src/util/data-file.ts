import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Read a YAML data file that ships with privlint, located relative to the calling module. */
export function readBundledYaml(relativePath: string, base: string): unknown {
  const url = new URL(relativePath, base);
  return parse(readFileSync(url, 'utf8'));
}
