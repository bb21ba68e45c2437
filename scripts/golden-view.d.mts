import type { ScanResult } from '../src/scan.js';

export interface GoldenView {
  collections: { at: string; category: string; api: string; purposes: string[]; guarded: boolean; consentKeys: string[]; via: string[] }[];
  sdks: { at: string; package: string; vendor: string }[];
  findings: { rule: string; severity: string; at: string; category?: string; package?: string }[];
  diagnostics: string[];
}

export function goldenView(result: ScanResult): GoldenView;
