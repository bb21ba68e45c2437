import path from 'node:path';
import type { Finding } from '../check/finding.js';
import { flowsOf } from '../check/finding-parts.js';
import type { ScanResult } from '../result/scan-result.js';
import { changeTouches, type ChangeSet } from './changes.js';

/**
 * The part of a whole-program scan a diff-aware run reports: findings and inventory entries on
 * changed lines (a data-flow finding also when the collection site it starts from is on one),
 * diagnostics of changed files. The whole program was analysed, so wrappers and
 * guards in unchanged files still count. Stale baseline entries are dropped: they are about code
 * the change did not touch.
 */
export function changedOnly(result: ScanResult, changes: ChangeSet): ScanResult {
  const on = (place: { file: string; line: number; endLine?: number }) =>
    changeTouches(changes, path.resolve(result.root, place.file), place.line, place.endLine ?? place.line);
  const inChangedFile = (file: string) => {
    const relative = changes.paths.relative(path.resolve(result.root, file));
    return relative !== undefined && changes.files.has(relative);
  };
  // A data flow also belongs to the change that starts it: new data sent through an unchanged call.
  const reported = (finding: Finding) => on(finding) || flowsOf(finding).some((flow) => flow.steps[0] !== undefined && on(flow.steps[0]));
  const { inventory } = result;
  return {
    ...result,
    findings: result.findings.filter(reported),
    suppressed: result.suppressed.filter(reported),
    inventory: {
      collections: inventory.collections.filter(on),
      sdks: inventory.sdks.filter(on),
      sdkCalls: inventory.sdkCalls.filter(on),
      flows: inventory.flows.filter((flow) => on(flow.sink)),
      diagnostics: inventory.diagnostics.filter((diagnostic) => inChangedFile(diagnostic.file)),
    },
    ...(result.baseline
      ? {
          baseline: {
            ...result.baseline,
            acceptedFindings: result.baseline.acceptedFindings.filter(reported),
            accepted: result.baseline.acceptedFindings.filter(reported).length,
            stale: [],
          },
        }
      : {}),
  };
}

/**
 * The policy files of the scan — its manifest and config, as absolute paths — that the change touches.
 * A change to one of them can create or settle a finding anywhere in the code, so a diff-aware run
 * reports every finding then (see the scan command).
 */
export function changedPolicyFiles(result: ScanResult, changes: ChangeSet): string[] {
  const files = [result.manifest?.file, result.config.file].filter((file): file is string => file !== undefined);
  return files.filter((file) => {
    const relative = changes.paths.relative(file);
    return relative !== undefined && changes.files.has(relative);
  });
}
