import { fileURLToPath, pathToFileURL } from 'node:url';
import { toPosixRelative } from '../util/paths.js';
import type { Shard } from './shard.js';

const SRCROOT = '%SRCROOT%';

/**
 * What a sharded scan writes into its JSON or SARIF output so that `privlint merge` can check it
 * is combining the shards of one run: every K of N once, one privlint version, one category.
 * JSON: a top-level `shard`; SARIF: the run's `properties.privlintShard` (category and version are
 * already in the run). The merged output carries no stamp, so it equals an unsharded scan's.
 */
export interface ShardStamp extends Shard {
  /** --category, when given (JSON only; SARIF has it as automationDetails.id). */
  category?: string;
  /**
   * SARIF only: the scan root relative to the run's %SRCROOT%. A scan orders results by paths
   * relative to its root, SARIF locations are relative to %SRCROOT%; merge needs both to restore
   * the scan's order (a manifest outside the scanned folder sorts differently).
   */
  root?: string;
}

type Json = Record<string, unknown>;

export function stampReport(report: string, format: string, shard: Shard, category: string | undefined, scanRoot: string): string {
  if (format !== 'json' && format !== 'sarif') return report;
  const document = JSON.parse(report) as Json;
  if (format === 'json') {
    const stamp: ShardStamp = { index: shard.index, count: shard.count, ...(category !== undefined ? { category } : {}) };
    // Right after `tool`, where a reader looks for what produced the file.
    const stamped = Object.fromEntries(Object.entries(document).flatMap(([key, value]) => (key === 'tool' ? [[key, value], ['shard', stamp]] : [[key, value]])));
    return `${JSON.stringify(stamped, null, 2)}\n`;
  }
  const run = (document.runs as Json[])[0]!;
  const sourceRoot = fileURLToPath(((run.originalUriBaseIds as Record<string, { uri: string }>)[SRCROOT] ?? { uri: pathToFileURL(scanRoot).href }).uri);
  const root = toPosixRelative(sourceRoot, scanRoot);
  run.properties = { ...(run.properties as Json | undefined), privlintShard: { index: shard.index, count: shard.count, root } satisfies ShardStamp };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The stamp of a parsed JSON or SARIF output, undefined when it has none. */
export function readStamp(document: Json, kind: 'json' | 'sarif'): ShardStamp | undefined {
  const raw = kind === 'json' ? document.shard : ((document.runs as Json[] | undefined)?.[0]?.properties as Json | undefined)?.privlintShard;
  const stamp = raw as Partial<ShardStamp> | undefined;
  return stamp && Number.isInteger(stamp.index) && Number.isInteger(stamp.count) ? (stamp as ShardStamp) : undefined;
}

/** The same document without its stamp. */
export function withoutStamp<T extends Json>(document: T, kind: 'json' | 'sarif'): T {
  if (kind === 'json') {
    const { shard: _shard, ...rest } = document;
    return rest as T;
  }
  const runs = (document.runs as Json[]).map((run) => {
    const properties = { ...(run.properties as Json | undefined) };
    delete properties.privlintShard;
    const { properties: _properties, ...rest } = run;
    return Object.keys(properties).length > 0 ? { ...rest, properties } : rest;
  });
  return { ...document, runs };
}
