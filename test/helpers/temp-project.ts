import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { scan, type ScanOptions, type ScanResult } from '../../src/scan.js';

const created: string[] = [];
afterAll(() => {
  for (const folder of created) rmSync(folder, { recursive: true, force: true });
});

/** Write `files` (relative path → content) into a fresh temp folder and return its path. */
export function writeProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'privlint-test-'));
  created.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** Scan a throw-away project made of `files`. */
export function scanProject(files: Record<string, string>, options: Omit<ScanOptions, 'cwd'> = {}): ScanResult {
  const root = writeProject(files);
  return scan({ ...options, cwd: root });
}

/** A compact view of collection sites for assertions: "file:line category api". */
export function sites(result: ScanResult): string[] {
  return result.inventory.collections.map((site) => `${site.file}:${site.line} ${site.category} ${site.api}`);
}

export function findingsOf(result: ScanResult, ruleId?: string): string[] {
  return result.findings
    .filter((finding) => !ruleId || finding.ruleId === ruleId)
    .map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`);
}
