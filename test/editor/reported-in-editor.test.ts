import { describe, expect, it } from 'vitest';
import type { SinkSite } from '../../src/detect/facts.js';
import { reportedInEditor } from '../../src/editor/reported-in-editor.js';

const at = (file: string, line: number) => ({ file, line, column: 1, note: '' });
const sinkOn = (line: number) => ({ range: { line, column: 3, endLine: line, endColumn: 20 } }) as SinkSite;

describe('what the ESLint plugin reports of an evaluation', () => {
  it('the per-file rules, not the whole-program ones', () => {
    expect(reportedInEditor({ ruleId: 'require-purpose', kind: 'missingPurpose', file: 'a.ts', line: 3 })).toBe(true);
    expect(reportedInEditor({ ruleId: 'no-unused-declaration', kind: 'unusedCategory', file: 'privacy-manifest.yaml', line: 3 })).toBe(false);
  });

  it('a flow finding only when the whole flow runs in its file', () => {
    const finding = { ruleId: 'no-undeclared-sharing', kind: 'undeclaredSharing', file: 'a.ts', line: 9 };
    expect(reportedInEditor({ ...finding, flow: [at('a.ts', 4), at('a.ts', 9)] })).toBe(true);
    expect(reportedInEditor({ ...finding, flow: [at('lib/id.ts', 2), at('a.ts', 9)] })).toBe(false);
  });

  it('an unused directive for a flow rule only when no sink is on the line it covers', () => {
    const unused = { ruleId: 'no-unused-suppression', kind: 'unusedSuppression', file: 'a.ts', line: 5 };
    const nextLine = { ...unused, directive: { rules: ['no-undeclared-sharing'], scope: 'next-line' as const } };
    expect(reportedInEditor(nextLine, { sinks: [sinkOn(6)] })).toBe(false);
    expect(reportedInEditor(nextLine, { sinks: [sinkOn(9)] })).toBe(true);
    expect(reportedInEditor({ ...unused, directive: { rules: ['no-unknown-destination'], scope: 'file' } }, { sinks: [sinkOn(40)] })).toBe(false);
    // A project call may turn out to be a sink (an SDK through a barrel, an axios client from another file).
    expect(reportedInEditor(nextLine, { projectReferences: [sinkOn(6) as never] })).toBe(false);
    // A rule without flow findings: the editor sees all of them, so it judges the directive.
    expect(reportedInEditor({ ...unused, directive: { rules: ['require-purpose'], scope: 'next-line' } }, { sinks: [sinkOn(6)] })).toBe(true);
  });
});
