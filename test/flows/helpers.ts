import { scanProject } from '../helpers/temp-project.js';
import type { ScanResult } from '../../src/scan.js';

/** A small manifest the flow tests share: two SDK recipients, a first-party API and a residency rule. */
export const MANIFEST = `version: 1
app: { name: Flows }
consents:
  analytics: { mode: opt-in }
categories:
  - id: device
    uses: [{ purposes: [analytics, fraud_prevention], basis: legitimate_interest }]
  - id: location
    uses: [{ purposes: [app_functionality], basis: contract }]
recipients:
  - id: mixpanel
    role: processor
    packages: [mixpanel-browser]
    domains: [mixpanel.com]
    shares: [{ categories: [device.id], purposes: [analytics], consent: analytics }]
  - id: sentry
    role: processor
    packages: ["@sentry/react-native"]
    domains: [sentry.io]
first_party:
  domains: [api.shop.example]
residency:
  - id: china
    regions: [CN]
    store_in: [CN]
    endpoints: [api.shop.example.cn]
`;

export const DEVICE = `import DeviceInfo from 'react-native-device-info';\n`;

/** Scan `files` with MANIFEST (unless they bring their own). */
export function scanWithManifest(files: Record<string, string>): ScanResult {
  return scanProject({ 'privacy-manifest.yaml': MANIFEST, ...files });
}

/** "source-file:line category → sink-file:line callee [hashed]" for each flow. */
export function flowLines(result: ScanResult): string[] {
  return result.inventory.flows.map(
    (flow) => `${flow.source.file}:${flow.source.line} ${flow.category} → ${flow.sink.file}:${flow.sink.line} ${flow.sink.callee}${flow.hashed ? ' hashed' : ''}`,
  );
}

export function flows(files: Record<string, string>): string[] {
  return flowLines(scanWithManifest(files));
}

/** "rule line kind" of the findings of the given rules. */
export function ruleFindings(result: ScanResult, ...rules: string[]): string[] {
  return result.findings.filter((finding) => rules.includes(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.line} ${finding.kind}`);
}
