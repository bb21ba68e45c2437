import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { compactFlow } from '../../src/report/flow-listing.js';
import { DEVICE, scanWithManifest } from './helpers.js';

describe('the text listing of a flow', () => {
  it('collapses the steps in each file, for a flow through four files', () => {
    const result = scanWithManifest({
      'src/id.ts': DEVICE + `export async function readId() {\n  const id = await DeviceInfo.getUniqueId();\n  const trimmed = id.trim();\n  return trimmed;\n}\n`,
      'src/payload.ts': `export function payload(deviceId: string) {\n  const body = { deviceId };\n  return body;\n}\n`,
      'src/send.ts': `import * as Sentry from '@sentry/react-native';\nexport function send(data: object) {\n  const copy = { ...data };\n  Sentry.setContext('device', copy);\n}\n`,
      'src/main.ts': `import { readId } from './id';\nimport { payload } from './payload';\nimport { send } from './send';\nexport async function main() {\n  const id = await readId();\n  send(payload(id));\n}\n`,
    });
    const finding = result.findings.find((candidate) => candidate.flow)!;
    expect(finding.flow!.length).toBeGreaterThan(8);
    const text = formatText(result, { colors: pc.createColors(false), readLines: () => [], cwd: result.root });
    const flowLine = text.split('\n').find((line) => line.trimStart().startsWith('flow '))!;
    expect(flowLine.trim()).toBe(
      'flow src/id.ts:3–5 collected by react-native-device-info#getUniqueId → src/main.ts:5–6 (4 steps) → src/payload.ts:2–3 (2 steps) → src/main.ts:6 (3 steps) → src/send.ts:3–4 sent through Sentry.setContext()',
    );
  });

  it('keeps a one-file flow on one part with how it started and ended', () => {
    const steps = [
      { file: 'a.ts', line: 4, column: 1, note: 'collected by x#y' },
      { file: 'a.ts', line: 5, column: 1, note: 'assigned to id' },
      { file: 'a.ts', line: 6, column: 1, note: 'sent through send()' },
    ];
    expect(compactFlow(steps, (file) => file)).toEqual(['a.ts:4–6 collected by x#y … sent through send()']);
    expect(compactFlow(steps.slice(0, 1), (file) => file)).toEqual(['a.ts:4 collected by x#y']);
  });
});
