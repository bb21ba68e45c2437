import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../src/detect/analyze-file.js';
import type { FileFacts, FlowEdge } from '../../src/detect/facts.js';
import { findFlows } from '../../src/link/flows.js';
import { toSarif } from '../../src/report/sarif.js';
import { DEVICE, scanWithManifest } from './helpers.js';

const CHAIN = {
  'src/a.ts': `${DEVICE}import * as Sentry from '@sentry/react-native';\nexport async function a() {\n  const id = await DeviceInfo.getUniqueId();\n  const copy = id;\n  const again = copy;\n  Sentry.setUser({ id: again });\n}\n`,
};

describe('flow budgets', () => {
  it('a step cut is noted at the collection site it cut, naming the data and the setting (also in SARIF)', () => {
    const full = scanWithManifest(CHAIN);
    expect(full.inventory.flows).toHaveLength(1);
    expect(full.inventory.diagnostics).toEqual([]);

    const cut = scanWithManifest({ ...CHAIN, 'privlint.config.json': JSON.stringify({ flows: { maxSteps: 2 } }) });
    expect(cut.inventory.flows).toHaveLength(0);
    expect(cut.inventory.diagnostics).toEqual([
      {
        file: 'src/a.ts',
        line: 4,
        column: 20,
        severity: 'warning',
        message: expect.stringMatching(/^flows of device\.id \(react-native-device-info#getUniqueId\) collected here were followed for 2 steps only \(flows\.maxSteps\)/),
      },
    ]);
    const notification = toSarif(cut).runs[0]!.invocations[0]!.toolExecutionNotifications[0]!;
    expect(notification.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/(^|\/)src\/a\.ts$/);
    expect(notification.locations[0]!.physicalLocation.region.startLine).toBe(4);
  });

  it('is no cut when the search ends exactly at the step limit', () => {
    // source → id → copy → again → sink: four steps, all followed with maxSteps 4.
    const result = scanWithManifest({ ...CHAIN, 'privlint.config.json': JSON.stringify({ flows: { maxSteps: 4 } }) });
    expect(result.inventory.flows).toHaveLength(1);
    expect(result.inventory.diagnostics).toEqual([]);
  });

  it('counts search steps, not time: the site it stopped at and the sites it skipped are named', () => {
    // Two sources in one file; the first one's value runs down a long chain to a sink.
    const length = 500;
    const edges: FlowEdge[] = [{ from: 's0', to: 'v0', line: 1, column: 1, note: 'assigned' }];
    for (let index = 0; index < length; index++) edges.push({ from: `v${index}`, to: `v${index + 1}`, line: 2, column: 1, note: 'copied' });
    edges.push({ from: `v${length}`, to: 'k0', line: 3, column: 1, note: 'sent' }, { from: 's1', to: 'k0', line: 4, column: 1, note: 'sent' });
    const range = (line: number) => ({ line, column: 5, endLine: line, endColumn: 9 });
    const context = { functionIndex: null, guards: [], returned: false, annotationLine: 1 };
    const facts: FileFacts = {
      ...emptyFacts(),
      sources: [
        { apiId: 'x#a', category: 'device.id', range: range(1), ...context },
        { apiId: 'x#b', category: 'device.id', range: range(4), ...context },
      ],
      sinks: [{ kind: 'sdk', package: 'x', callee: 'send', range: range(3), ...context }],
      flowEdges: edges,
    };
    const search = (maxVisits: number) =>
      findFlows({
        root: '/p',
        files: new Map([['/p/a.ts', facts]]),
        resolvedCall: () => undefined,
        externalSource: () => false,
        linkedSink: () => undefined,
        exportLocation: () => undefined,
        budget: { maxSteps: length * 2, maxVisits },
      });
    const cut = search(length / 2);
    expect(cut.flows).toEqual([]);
    expect(cut.cuts.map((found) => ({ reason: found.reason, at: found.start.line, skipped: found.skipped.map((start) => start.line) }))).toEqual([{ reason: 'visits', at: 1, skipped: [4] }]);
    // Enough steps: both flows, no cut.
    const full = search(length * 2);
    expect(full.flows.map((flow) => flow.start.line)).toEqual([1, 4]);
    expect(full.cuts).toEqual([]);
  });

  it('says which setting to raise when the step count runs out, in the scan', () => {
    const result = scanWithManifest({ ...CHAIN, 'src/b.ts': CHAIN['src/a.ts'], 'privlint.config.json': JSON.stringify({ flows: { maxVisits: 3 } }) });
    expect(result.inventory.diagnostics).toEqual([
      expect.objectContaining({
        file: 'src/a.ts',
        line: 4,
        severity: 'warning',
        message: expect.stringMatching(/^flow analysis reached its budget of 3 search steps \(flows\.maxVisits\) while following device\.id \(react-native-device-info#getUniqueId\) from here; flows from 1 later collection site were not followed at all \(src\/b\.ts:4:20\); raise flows\.maxVisits/),
      }),
    ]);
  });

  it('notes the time budget of an older config as no longer read, and scans as usual', () => {
    const result = scanWithManifest({ ...CHAIN, 'privlint.config.json': '{\n  "flows": { "maxMilliseconds": 40 }\n}\n' });
    expect(result.inventory.flows).toHaveLength(1);
    expect(result.inventory.diagnostics).toEqual([
      { file: 'privlint.config.json', line: 2, column: 14, severity: 'note', message: expect.stringMatching(/^flows\.maxMilliseconds \(40\) is no longer read: the flow search counts its steps/) },
    ]);
  });
});
