import type { ScanResult } from '../result/scan-result.js';
import { UserError } from '../util/problem.js';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard takes K/N with 1 ≤ K ≤ N, e.g. --shard 2/4; got "${text}"`);
  }
  return { index, count };
}

/** The share (1…count) a file belongs to: a hash of its root-relative path, so every run agrees. */
export function shardOf(file: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < file.length; index++) {
    hash ^= file.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

/**
 * The part of a whole-program scan that belongs to one shard: findings, inventory entries and
 * diagnostics located in its files (a flow belongs to the file of its sink).
 */
export function shardResult(result: ScanResult, shard: Shard): ScanResult {
  const mine = (file: string) => shardOf(file, shard.count) === shard.index;
  const { inventory } = result;
  return {
    ...result,
    findings: result.findings.filter((finding) => mine(finding.file)),
    suppressed: result.suppressed.filter((finding) => mine(finding.file)),
    inventory: {
      collections: inventory.collections.filter((site) => mine(site.file)),
      sdks: inventory.sdks.filter((use) => mine(use.file)),
      sdkCalls: inventory.sdkCalls.filter((call) => mine(call.file)),
      flows: inventory.flows.filter((flow) => mine(flow.sink.file)),
      diagnostics: inventory.diagnostics.filter((diagnostic) => mine(diagnostic.file)),
    },
    ...(result.baseline
      ? {
          baseline: {
            ...result.baseline,
            acceptedFindings: result.baseline.acceptedFindings.filter((finding) => mine(finding.file)),
            accepted: result.baseline.acceptedFindings.filter((finding) => mine(finding.file)).length,
            stale: result.baseline.stale.filter((entry) => mine(entry.file)),
          },
        }
      : {}),
  };
}
