import { MemoryFactsStore } from '../../cache/memory-store.js';
import type { KeptFacts } from '../../engine/scan-core.js';

/**
 * The facts `privlint serve` keeps between the scans it runs: every file's, in memory, as `scan
 * --watch` keeps them (a scan stats each file and analyses those whose content changed). Facts are
 * only good for the catalog and analysis config they were made with: a scan with another analysis
 * fingerprint starts a new store, and only the latest is kept.
 */
export class ServerFacts implements KeptFacts {
  private current?: { fingerprint: string; store: MemoryFactsStore; scanned: boolean };

  storeFor(analysisFingerprint: string): { store: MemoryFactsStore; warm: boolean } {
    if (this.current?.fingerprint !== analysisFingerprint) {
      this.current = { fingerprint: analysisFingerprint, store: new MemoryFactsStore(), scanned: false };
    }
    const warm = this.current.scanned;
    this.current.scanned = true;
    return { store: this.current.store, warm };
  }
}
