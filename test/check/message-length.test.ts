// Findings people act on: the first sentence of every message says what and where in at most 160
// characters; the policy reference and the fix are the help (the second line in text output).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const APPS = path.join(REPO_ROOT, 'fixtures/apps');
const apps = readdirSync(APPS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

/** The message up to the end of its first sentence (a "." or "?" before a space or the end, outside `code`). */
function firstSentence(message: string): string {
  let inCode = false;
  for (let index = 0; index < message.length; index++) {
    if (message[index] === '`') inCode = !inCode;
    else if (!inCode && /[.?]/.test(message[index]!) && (message[index + 1] === ' ' || index === message.length - 1)) return message.slice(0, index + 1);
  }
  return message;
}

describe('finding messages of the fixture apps', () => {
  for (const app of apps) {
    it(`${app}: every message is one sentence of at most 160 characters, with the fix in the help`, () => {
      const result = scan({ paths: [path.join(APPS, app)] });
      const findings = [...result.findings, ...result.suppressed];
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        const where = `${finding.ruleId} ${finding.file}:${finding.line}: ${finding.message}`;
        expect(firstSentence(finding.message).length, where).toBeLessThanOrEqual(160);
        expect(firstSentence(finding.message), where).toBe(finding.message);
        expect(finding.message, where).not.toContain('Fix:');
        expect(finding.help, where).toMatch(/Fix: /);
      }
    });
  }
});
