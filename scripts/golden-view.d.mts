import type { ScanResult } from '../src/scan.js';

export interface GoldenView {
  collections: { at: string; category: string; api: string; purposes: string[]; guarded: boolean; consentKeys: string[]; via: string[] }[];
  sdks: { at: string; package: string; vendor: string }[];
  /** `files`: the files the flow's steps pass through, in order; `destination`: a host, "relative", "unknown" or "CN=a IN=b DEFAULT=c". */
  flows: { source: string; category: string; sink: string; callee: string; destination?: string; hashed: boolean; files: string[] }[];
  findings: { rule: string; severity: string; at: string; category?: string; package?: string; parts?: string[] }[];
  diagnostics: string[];
}

export function goldenView(result: ScanResult): GoldenView;
