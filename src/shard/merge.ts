import { compareFlows } from '../link/link.js';
import { compareByPlace, compareText } from '../util/order.js';
import { UserError } from '../util/problem.js';

type Json = Record<string, unknown>;
type JsonReport = Json & {
  schemaVersion: number;
  inventory: { collections: Json[]; flows: Json[]; sdks: Json[] };
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

/** Combine SARIF logs of shards: one run, every result, in the order an unsharded scan writes them. */
export function mergeSarif(logs: SarifLog[]): SarifLog {
  const runs = logs.map((log) => log.runs[0]!);
  const key = (result: SarifResult) => {
    const location = result.locations[0]!.physicalLocation;
    return { file: location.artifactLocation.uri, line: location.region.startLine, column: location.region.startColumn, ruleId: result.ruleId, message: result.message.text };
  };
  const notificationKey = (notification: Json) => {
    const location = (notification.locations as SarifResult['locations'] | undefined)?.[0]?.physicalLocation;
    return { file: location?.artifactLocation.uri ?? '', line: location?.region.startLine ?? 0, column: location?.region.startColumn ?? 0, message: String((notification.message as Json).text) };
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
