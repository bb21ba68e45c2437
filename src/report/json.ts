import type { ScanResult } from '../result/scan-result.js';
import { PACKAGE_VERSION } from '../util/package-info.js';
import { toPosixRelative } from '../util/paths.js';
import { compareByPlace } from '../util/order.js';

export const JSON_SCHEMA_VERSION = 1;

/** The stable JSON output, version 1 (docs/json-output.md). Later tools (baselines, reports) read it. */
export function toJsonReport(result: ScanResult) {
  const { inventory } = result;
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'privlint', version: PACKAGE_VERSION },
    root: result.root.split('\\').join('/'),
    manifest: result.manifest ? toPosixRelative(result.root, result.manifest.file) : null,
    inventory: {
      collections: inventory.collections.map((site) => ({
        file: site.file,
        line: site.line,
        column: site.column,
        endLine: site.endLine,
        endColumn: site.endColumn,
        category: site.category,
        api: site.api,
        purposes: site.purposes,
        guarded: site.guarded,
        consentKeys: site.consentKeys,
        via: site.via,
      })),
      flows: inventory.flows.map((flow) => ({
        category: flow.category,
        api: flow.api,
        source: flow.source,
        purposes: flow.purposes,
        sink: flow.sink,
        hashed: flow.hashed,
        steps: flow.steps,
      })),
      // Imports and calls of SDKs, in place order: every place the code reaches an SDK.
      sdks: [
        ...inventory.sdks.map((use) => ({ file: use.file, line: use.line, column: use.column, package: use.package, sdk: use.sdk, vendor: use.vendor, kind: use.kind, site: 'import' as const })),
        ...inventory.sdkCalls.map((call) => ({
          file: call.file,
          line: call.line,
          column: call.column,
          package: call.package,
          sdk: call.sdk,
          vendor: call.vendor,
          kind: call.kind,
          site: 'call' as const,
          callee: call.callee,
          api: call.api,
          ...(call.via ? { via: call.via } : {}),
          ...(call.alsoAt ? { alsoAt: call.alsoAt } : {}),
        })),
      ].sort(compareByPlace),
      // Third-party packages privlint could not judge: what a reviewer must look at by hand.
      ...(result.dependencies ? { dependencies: { packageFiles: result.dependencies.packageFiles, unrecognised: result.dependencies.unrecognised } } : {}),
    },
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      message: finding.message,
      help: finding.help,
      ...(finding.category ? { category: finding.category } : {}),
      ...(finding.package ? { package: finding.package } : {}),
      ...(finding.api ? { api: finding.api } : {}),
      ...(finding.via ? { via: finding.via } : {}),
      ...(finding.flow ? { flow: finding.flow } : {}),
      ...(finding.parts ? { parts: finding.parts } : {}),
      ...(finding.fix ? { fix: finding.fix } : {}),
      fingerprint: finding.fingerprint,
    })),
    ...(result.baseline
      ? { baseline: { file: result.baseline.file, accepted: result.baseline.accepted, stale: result.baseline.stale.map(({ fingerprint, ruleId, file, message }) => ({ fingerprint, ruleId, file, message })) } }
      : {}),
    diagnostics: inventory.diagnostics.map((diagnostic) => ({
      file: diagnostic.file,
      line: diagnostic.line,
      column: diagnostic.column,
      severity: diagnostic.severity,
      message: diagnostic.message,
    })),
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;

export function formatJson(result: ScanResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
