import path from 'node:path';
import { compareFlows } from '../link/link.js';
import { compareByPlace, compareText } from '../util/order.js';
import { UserError } from '../util/problem.js';
import { readStamp, withoutStamp, type ShardStamp } from './stamp.js';

type Json = Record<string, unknown>;
type JsonReport = Json & {
  schemaVersion: number;
  inventory: { collections: Json[]; flows: Json[]; sdks: Json[]; dependencies?: Json };
  findings: Json[];
  diagnostics: Json[];
  baseline?: { file: string; accepted: number; stale: Json[] };
};
type SarifLog = Json & { version: string; runs: SarifRun[] };
type SarifRun = Json & { results: SarifResult[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: Json[] }[] };
type SarifResult = Json & { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] };

export type ReportKind = 'json' | 'sarif';

/** Which kind of privlint output a parsed document is. */
export function reportKind(document: unknown, file: string): ReportKind {
  const value = document as Json;
  if (value?.version === '2.1.0' && Array.isArray(value.runs)) return 'sarif';
  if (value?.schemaVersion === 1 && typeof value.inventory === 'object') return 'json';
  throw new UserError(`${file}: neither privlint JSON (schemaVersion 1) nor SARIF 2.1.0 output; merge takes the files \`privlint scan --shard K/N --format json|sarif\` wrote`);
}

/** Combine the JSON outputs of `privlint scan --shard K/N` into what one unsharded scan would print. */
export function mergeJson(reports: JsonReport[]): JsonReport {
  const [first] = reports;
  const all = <T>(pick: (report: JsonReport) => T[]) => reports.flatMap(pick);
  const place = (entry: Json) => entry as unknown as { file: string; line: number; column: number };
  const merged: JsonReport = {
    ...first!,
    inventory: {
      collections: all((report) => report.inventory.collections).sort((a, b) => compareByPlace(place(a), place(b))),
      flows: all((report) => report.inventory.flows).sort((a, b) => compareFlows(a as never, b as never)),
      sdks: all((report) => report.inventory.sdks).sort((a, b) => compareByPlace(place(a), place(b))),
      // Every shard lists the same package.json files: the first one's listing is the project's.
      ...(first!.inventory.dependencies ? { dependencies: first!.inventory.dependencies } : {}),
    },
    findings: all((report) => report.findings).sort((a, b) => compareByPlace(place(a), place(b))),
    diagnostics: all((report) => report.diagnostics).sort((a, b) => compareByPlace(place(a), place(b))),
  };
  if (first!.baseline) {
    merged.baseline = {
      file: first!.baseline.file,
      accepted: reports.reduce((sum, report) => sum + (report.baseline?.accepted ?? 0), 0),
      stale: all((report) => report.baseline?.stale ?? []).sort((a, b) => compareText(String(a.file), String(b.file)) || compareText(String(a.fingerprint), String(b.fingerprint))),
    };
  }
  return merged;
}

/**
 * Combine SARIF logs of shards: one run, every result, in the order an unsharded scan writes them
 * (by path relative to the scan root, `scanRoot` relative to %SRCROOT%).
 */
export function mergeSarif(logs: SarifLog[], scanRoot = ''): SarifLog {
  const runs = logs.map((log) => log.runs[0]!);
  const scanPath = (uri: string) => path.posix.relative(scanRoot || '.', uri);
  const key = (result: SarifResult) => {
    const location = result.locations[0]!.physicalLocation;
    return { file: scanPath(location.artifactLocation.uri), line: location.region.startLine, column: location.region.startColumn, ruleId: result.ruleId, message: result.message.text };
  };
  const notificationKey = (notification: Json) => {
    const location = (notification.locations as SarifResult['locations'] | undefined)?.[0]?.physicalLocation;
    return { file: scanPath(location?.artifactLocation.uri ?? ''), line: location?.region.startLine ?? 0, column: location?.region.startColumn ?? 0, message: String((notification.message as Json).text) };
  };
  const run: SarifRun = {
    ...runs[0]!,
    invocations: [
      {
        ...runs[0]!.invocations[0]!,
        executionSuccessful: runs.every((candidate) => candidate.invocations[0]?.executionSuccessful !== false),
        toolExecutionNotifications: runs
          .flatMap((candidate) => candidate.invocations[0]?.toolExecutionNotifications ?? [])
          .sort((a, b) => compareByPlace(notificationKey(a), notificationKey(b))),
      },
    ],
    results: runs.flatMap((candidate) => candidate.results).sort((a, b) => compareByPlace(key(a), key(b))),
  };
  return { ...logs[0]!, runs: [run] };
}

export type { JsonReport, SarifLog };

export interface MergeInput {
  /** How to name the file in messages (as the user gave it). */
  name: string;
  document: unknown;
}

/**
 * Check that `inputs` are the outputs of the shards of one sharded run — one format, one privlint
 * version, one category, every share K of N exactly once — and combine them into what the
 * unsharded scan prints. Anything else is a UserError naming the files (exit code 2): merging a
 * shard twice would double its findings, a missing shard would hide some.
 */
export function mergeShardOutputs(inputs: MergeInput[]): JsonReport | SarifLog {
  const documents = inputs.map((input) => ({ ...input, kind: reportKind(input.document, input.name) }));
  const kinds = new Set(documents.map((document) => document.kind));
  if (kinds.size > 1) throw new UserError(`merge takes files of one format: all JSON or all SARIF (${describe(documents, (document) => document.kind.toUpperCase())})`);
  const kind = documents[0]!.kind;
  const stamped = documents.map((document) => {
    const stamp = readStamp(document.document as Record<string, unknown>, kind);
    if (!stamp) throw new UserError(`${document.name}: not the output of a sharded scan (it has no shard K/N); merge combines the files \`privlint scan --shard K/N --format ${kind}\` writes`);
    return { ...document, stamp, version: versionOf(document.document as Record<string, unknown>, kind), category: categoryOf(document.document as Record<string, unknown>, kind, stamp) };
  });
  const differing = (what: string, pick: (document: (typeof stamped)[number]) => string) => {
    if (new Set(stamped.map(pick)).size > 1) throw new UserError(`the files come from different runs (${what}: ${describe(stamped, pick)}); merge the shards of one run`);
  };
  differing('privlint version', (document) => document.version);
  differing('category', (document) => document.category);
  differing('number of shards', (document) => `of ${document.stamp.count}`);
  differing('scan root', (document) => document.stamp.root ?? '.');
  const count = stamped[0]!.stamp.count;
  const byIndex = new Map<number, string>();
  for (const document of stamped) {
    const earlier = byIndex.get(document.stamp.index);
    if (earlier !== undefined) throw new UserError(`shard ${document.stamp.index}/${count} is given twice (${earlier} and ${document.name}); its findings would be counted twice`);
    byIndex.set(document.stamp.index, document.name);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw new UserError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (given: ${describe(stamped, (document) => `${document.stamp.index}/${count}`)}); the merged report would lack their findings`);
  }
  const ordered = [...stamped].sort((a, b) => a.stamp.index - b.stamp.index).map((document) => withoutStamp(document.document as Record<string, unknown>, kind));
  return kind === 'json' ? mergeJson(ordered as JsonReport[]) : mergeSarif(ordered as SarifLog[], stamped[0]!.stamp.root ?? '');
}

function describe<T extends { name: string }>(documents: T[], pick: (document: T) => string): string {
  return documents.map((document) => `${document.name} ${pick(document)}`).join(', ');
}

function versionOf(document: Record<string, unknown>, kind: ReportKind): string {
  if (kind === 'json') return String((document.tool as { version?: string } | undefined)?.version ?? 'unknown');
  return String(((document.runs as SarifRun[])[0]?.tool as { driver?: { version?: string } } | undefined)?.driver?.version ?? 'unknown');
}

function categoryOf(document: Record<string, unknown>, kind: ReportKind, stamp: ShardStamp): string {
  if (kind === 'json') return stamp.category ?? '(none)';
  return String(((document.runs as SarifRun[])[0]?.automationDetails as { id?: string } | undefined)?.id ?? '(none)');
}
