import { statSync } from 'node:fs';
import path from 'node:path';
import { importsStillResolve, projectImportsOf } from '../cache/validity.js';
import { analyzeSource } from '../detect/analyze-file.js';
import type { FileFacts } from '../detect/facts.js';
import { ignoreOptions, type ProjectSetup } from '../engine/setup.js';
import { discoverFiles } from '../project/discover.js';
import { readSource } from '../project/read-source.js';
import { ModuleResolver } from '../project/resolve.js';
import { addExportedWords, stemOf, type ProjectWords } from './relevance.js';
import { catalogRole, scanText, type TextScan } from './text-scan.js';

interface IndexedFile {
  mtimeMs: number;
  size: number;
  text: string;
  scan: TextScan;
  /** Analysed on demand: only files that can matter are parsed. */
  facts?: FileFacts;
  /** The imports the facts took for project modules: they are stale once that answer changes (files added or removed). */
  projectImports?: string[];
  lines?: string[];
}

/** What the project's files make relevant, for one version of the index (or one edited file on top of it). */
export interface Relevance {
  /** Files whose facts the editor links: everything that can decide a per-file finding. */
  files: Set<string>;
  words: ProjectWords;
}

/** How often the editor re-checks the project's files for changes on disk. */
const REFRESH_INTERVAL_MS = 2000;
/**
 * How often, while every file linted is as the index read it (an `eslint .` run): a refresh stats
 * every file, which every 2 s of a long lint added several percent to it. A file saved in the editor
 * is linted with its new text, which does not match, so it still triggers the 2-second refresh.
 */
const QUIET_REFRESH_INTERVAL_MS = 30_000;
/**
 * Between full re-discoveries (a walk of the whole tree), a refresh only looks at the known files
 * and their folders: a folder's modification time changes when an entry is added, removed or
 * renamed. A file added to a folder that held no source file is seen at the next full walk.
 */
const REDISCOVER_INTERVAL_MS = 30_000;

/**
 * The project's files as the editor sees them, kept up to date by modification time, so that a
 * one-file lint sees what `privlint scan` sees: wrappers, guards and callers in other files.
 *
 * Analysing every file would cost as much as a scan, on top of ESLint's own work. So the index
 * reads every file's text but analyses only the relevant ones: files that load a catalogued source or
 * SDK module, mention such a global, read a request object or carry privlint comments; files that
 * mention (by name, or by module stem for default exports) a function of a relevant file that
 * leads to a collection site or SDK call; barrels that re-export relevant files — a fixpoint — the
 * other modules of relevant barrels that also `export *` a package, and the files with sinks (fetch, axios …)
 * that relevant files call into. A per-file finding of `privlint scan` can only come from these
 * files' facts: a site in another file's function is reported at its callers, and every caller
 * names the function (or, through a barrel's `export * from 'sdk'`, the barrel's module stem). What
 * the editor leaves out can only make it report less (a data flow through a helper in an irrelevant
 * file), never more.
 */
export class ProjectIndex {
  private readonly files = new Map<string, IndexedFile>();
  private folders = new Map<string, number>();
  private lastRefresh = 0;
  private lastDiscovery = 0;
  private resolver?: ModuleResolver;
  private relevance?: Relevance;
  /** Bumped whenever a file is added, changed or removed: cached results per version. */
  version = 0;

  constructor(private readonly setup: ProjectSetup) {}

  /** Look for changes on disk; `quiet`: the file being linted is as the index read it (nothing suggests a change). */
  refresh(now = Date.now(), quiet = false): void {
    const interval = quiet ? QUIET_REFRESH_INTERVAL_MS : REFRESH_INTERVAL_MS;
    if (this.lastRefresh !== 0 && now - this.lastRefresh < interval) return;
    this.lastRefresh = now;
    const files = this.discover(now);
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
      if ('skipped' in source) {
        if (this.files.delete(file)) changed = true;
        continue;
      }
      this.files.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, text: source.text, scan: scanText(source.text) });
      changed = true;
    }
    if (changed) {
      this.version++;
      this.resolver = undefined;
      this.relevance = undefined;
    }
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** The project's source files: walked afresh when a known folder changed or it has been a while, else the known ones. */
  private discover(now: number): string[] {
    const foldersChanged = [...this.folders].some(([folder, mtimeMs]) => folderMtime(folder) !== mtimeMs);
    if (this.lastDiscovery !== 0 && !foldersChanged && now - this.lastDiscovery < REDISCOVER_INTERVAL_MS) return [...this.files.keys()];
    this.lastDiscovery = now;
    const { files } = discoverFiles({ paths: [this.setup.root], ...ignoreOptions(this.setup), root: this.setup.root });
    const folders = new Set([this.setup.root, ...files.map((file) => path.dirname(file))]);
    this.folders = new Map([...folders].map((folder) => [folder, folderMtime(folder)]));
    return files;
  }

  /** The text the index read from disk. */
  text(file: string): string | undefined {
    return this.files.get(file)?.text;
  }

  lines(file: string): string[] | undefined {
    const indexed = this.files.get(file);
    if (!indexed) return undefined;
    indexed.lines ??= indexed.text.split('\n');
    return indexed.lines;
  }

  /** The facts of a file as on disk, analysed the first time they are asked for. */
  facts(file: string): FileFacts | undefined {
    const indexed = this.files.get(file);
    if (!indexed) return undefined;
    const { isProjectModule } = this.moduleResolver();
    const isProjectImport = (specifier: string) => isProjectModule(file, specifier);
    if (!indexed.facts || !importsStillResolve(indexed.facts, indexed.projectImports!, isProjectImport)) {
      indexed.facts = this.analyze(file, indexed.text);
      indexed.projectImports = projectImportsOf(indexed.facts, isProjectImport);
    }
    return indexed.facts;
  }

  /** The facts of `text` as the text of `file` (an edit, or the file as on disk), analysed as `privlint scan` would. */
  analyze(file: string, text: string): FileFacts {
    return analyzeSource(file, text, { ...this.setup.analyzeOptions, isProjectModule: this.moduleResolver(file).isProjectModule });
  }

  /** The relevant files of the project as on disk (cached per version). */
  relevant(): Relevance {
    this.relevance ??= this.computeRelevance();
    return this.relevance;
  }

  /**
   * The relevant files with `file` replaced by an edited text: the edit may make the file relevant,
   * and may add names that make other files relevant (it now wraps a collection its callers call).
   */
  relevantWith(file: string, scan: TextScan, facts: FileFacts): Relevance {
    return this.computeRelevance({ file, scan, facts });
  }

  private computeRelevance(edited?: { file: string; scan: TextScan; facts: FileFacts }): Relevance {
    const { catalog, analyzeOptions } = this.setup;
    const scanOf = (file: string) => (file === edited?.file ? edited.scan : this.files.get(file)!.scan);
    const factsOf = (file: string) => (file === edited?.file ? edited.facts : this.facts(file)!);
    const all = [...this.files.keys()];
    if (edited && !this.files.has(edited.file)) all.push(edited.file);
    const roles = new Map(all.map((file) => [file, catalogRole(scanOf(file), catalog, analyzeOptions.requestParameterNames)]));
    const relevant = new Set(all.filter((file) => roles.get(file) === 'collects'));
    const words: ProjectWords = { names: new Set(), stems: new Set() };
    const resolver = this.moduleResolver(edited?.file);
    let candidates = all.filter((file) => !relevant.has(file));
    for (let grew = true; grew; ) {
      grew = false;
      for (const file of relevant) if (addExportedWords(file, factsOf(file), words, catalog)) grew = true;
      const remaining: string[] = [];
      for (const file of candidates) {
        const { identifiers, specifiers } = scanOf(file);
        const mentions =
          [...words.names].some((name) => identifiers.has(name)) ||
          specifiers.some(({ specifier, reexport }) => words.stems.has(stemOf(specifier)) || (reexport && relevant.has(resolver.resolve(file, specifier) ?? '')));
        if (mentions) {
          relevant.add(file);
          grew = true;
        } else {
          remaining.push(file);
        }
      }
      candidates = remaining;
    }
    // A relevant barrel that also re-exports a package with `export *`: without the exports of its
    // project modules, a name could not be told apart from one of the package's. (A barrel of
    // project modules only needs none of them: linking searches the ones it read, and the relevant
    // ones are read.)
    for (const file of relevant) {
      const stars = factsOf(file).exports.flatMap(({ target }) => (target.kind === 'star' ? [resolver.resolve(file, target.specifier)] : []));
      if (!stars.includes(undefined)) continue;
      for (const module of stars) if (module !== undefined) relevant.add(module); // a Set visits what is added while iterating
    }
    // A file that only sends (fetch, axios …) matters when a relevant file calls into it: data reaches its sinks through that call.
    for (const file of [...relevant]) {
      for (const { reference } of factsOf(file).projectReferences) {
        if (reference.root.kind !== 'import') continue;
        const target = resolver.resolve(file, reference.root.specifier);
        if (target !== undefined && roles.get(target) === 'sends') relevant.add(target);
      }
    }
    return { files: relevant, words };
  }

  private moduleResolver(extra?: string): ModuleResolver {
    if (extra && !this.files.has(extra)) return new ModuleResolver((file) => file === extra || this.files.has(file), this.setup.aliases);
    this.resolver ??= new ModuleResolver((file) => this.files.has(file), this.setup.aliases);
    return this.resolver;
  }
}

function folderMtime(folder: string): number {
  try {
    return statSync(folder).mtimeMs;
  } catch {
    return -1;
  }
}
