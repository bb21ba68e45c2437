import { statSync } from 'node:fs';
import { analyzeSource } from '../detect/analyze-file.js';
import type { FileFacts } from '../detect/facts.js';
import type { ProjectSetup } from '../engine/setup.js';
import { discoverFiles } from '../project/discover.js';
import { readSource } from '../project/read-source.js';
import { ModuleResolver } from '../project/resolve.js';

interface IndexedFile {
  mtimeMs: number;
  size: number;
  facts: FileFacts;
  lines: string[];
}

/** How often the editor re-checks the project's files for changes on disk. */
const REFRESH_INTERVAL_MS = 2000;

/**
 * The facts of every file in a project, kept up to date by modification time. It lets a
 * one-file lint see what `privlint scan` sees: wrappers, guards and callers in other files.
 */
export class ProjectIndex {
  private readonly files = new Map<string, IndexedFile>();
  private lastRefresh = 0;
  private importGraph?: { forward: Map<string, string[]>; reverse: Map<string, string[]> };

  constructor(private readonly setup: ProjectSetup) {}

  refresh(now = Date.now()): void {
    if (this.lastRefresh !== 0 && now - this.lastRefresh < REFRESH_INTERVAL_MS) return;
    this.lastRefresh = now;
    const { files } = discoverFiles({ paths: [this.setup.root], ignore: this.setup.config.ignore, root: this.setup.root });
    const present = new Set(files);
    let changed = false;
    for (const file of this.files.keys()) {
      if (!present.has(file)) {
        this.files.delete(file);
        changed = true;
      }
    }
    for (const file of files) {
      let stats;
      try {
        stats = statSync(file);
      } catch {
        continue;
      }
      const known = this.files.get(file);
      if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) continue;
      const source = readSource(file);
      if ('skipped' in source) continue;
      this.files.set(file, {
        mtimeMs: stats.mtimeMs,
        size: stats.size,
        facts: analyzeSource(file, source.text, this.setup.analyzeOptions),
        lines: source.text.split('\n'),
      });
      changed = true;
    }
    if (changed) this.importGraph = undefined;
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  facts(file: string): FileFacts | undefined {
    return this.files.get(file)?.facts;
  }

  lines(file: string): string[] | undefined {
    return this.files.get(file)?.lines;
  }

  /**
   * The files whose facts decide the findings of `file`: those that (transitively, up to `depth`)
   * import it — their calls may guard or wrap its functions — and everything those import.
   */
  neighbourhood(file: string, depth: number): Set<string> {
    const graph = this.graph();
    const callers = new Set([file]);
    let frontier = [file];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const current of frontier) {
        for (const importer of graph.reverse.get(current) ?? []) {
          if (!callers.has(importer)) {
            callers.add(importer);
            next.push(importer);
          }
        }
      }
      frontier = next;
    }
    const result = new Set(callers);
    const stack = [...callers];
    while (stack.length > 0) {
      for (const imported of graph.forward.get(stack.pop()!) ?? []) {
        if (!result.has(imported)) {
          result.add(imported);
          stack.push(imported);
        }
      }
    }
    return result;
  }

  /** Words whose presence makes a file worth analysing: names and module stems of files that collect or wrap. */
  interestingWords(): Set<string> {
    const graph = this.graph();
    const interesting = new Set<string>();
    for (const [file, indexed] of this.files) {
      const { facts } = indexed;
      if (facts.sources.length + facts.sdkUses.length + facts.sdkCalls.length + facts.pendingHeaderReads.length > 0) interesting.add(file);
    }
    // A file that imports an interesting file may re-export or wrap it: interesting too (fixpoint).
    for (let changed = true; changed; ) {
      changed = false;
      for (const [file, imports] of graph.forward) {
        if (!interesting.has(file) && imports.some((imported) => interesting.has(imported))) {
          interesting.add(file);
          changed = true;
        }
      }
    }
    const words = new Set<string>();
    for (const file of interesting) {
      for (const entry of this.files.get(file)!.facts.exports) if (entry.name !== '*' && entry.name !== 'default') words.add(entry.name);
      const stem = file.replace(/\\/g, '/').split('/').pop()!.replace(/\.[^.]+$/, '');
      words.add(stem === 'index' ? file.replace(/\\/g, '/').split('/').slice(-2, -1)[0]! : stem);
    }
    return words;
  }

  private graph() {
    if (this.importGraph) return this.importGraph;
    const resolver = new ModuleResolver((file) => this.files.has(file), this.setup.aliases);
    const forward = new Map<string, string[]>();
    const reverse = new Map<string, string[]>();
    for (const [file, { facts }] of this.files) {
      const targets = facts.imports.map((specifier) => resolver.resolve(file, specifier)).filter((target): target is string => target !== undefined);
      forward.set(file, targets);
      for (const target of targets) reverse.set(target, [...(reverse.get(target) ?? []), file]);
    }
    this.importGraph = { forward, reverse };
    return this.importGraph;
  }
}
