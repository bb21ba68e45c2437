import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../check/finding.js';
import { CONFIG_FILE_NAMES, findConfig } from '../config/load.js';
import type { FileFacts } from '../detect/facts.js';
import { evaluate } from '../engine/evaluate.js';
import { ignoreOptions, loadSetup, setupFiles, type ProjectSetup } from '../engine/setup.js';
import { findManifest, MANIFEST_FILE_NAMES } from '../manifest/load.js';
import { createScanFilter, discoverFiles } from '../project/discover.js';
import { skippedText } from '../project/read-source.js';
import { internalErrorMessage } from '../util/internal-error.js';
import { toPosixRelative } from '../util/paths.js';
import { UserError } from '../util/problem.js';
import { ProjectIndex, type Relevance } from './project-index.js';
import { reportedInEditor } from './reported-in-editor.js';
import { stemOf } from './relevance.js';
import { catalogRole, scanText } from './text-scan.js';

export interface EditorSettings {
  /** Manifest and config paths from ESLint's `settings.privlint`, relative to `cwd`. */
  manifest?: string;
  config?: string;
  cwd: string;
}

export interface LintOutcome {
  /** Findings in this file, for the rules that can be decided from one file plus the project index. */
  findings: Finding[];
  /** A broken manifest or config: shown on the file's first line. */
  setupError?: UserError;
  /** Why privlint did not analyse this file, as `privlint scan` says it: skipped (minified, over 1 MB, binary), nested too deeply, or an internal error. */
  notAnalysed?: { line: number; column: number; message: string };
}

const SETUP_CHECK_INTERVAL_MS = 1000;

/** One project as the editor sees it: setup reloaded when the manifest or config changes on disk. */
class EditorProject {
  private setup?: ProjectSetup;
  private setupError?: UserError;
  private index?: ProjectIndex;
  private watched: { file: string; mtimeMs: number }[] = [];
  private lastCheck = 0;
  private scanned?: (file: string) => boolean;
  /** Per-file findings of the project as on disk, for one version of the index. */
  private onDisk?: { version: number; byFile: Map<string, Finding[]> };

  constructor(
    readonly root: string,
    private readonly options: { manifest?: string; config?: string },
  ) {}

  /** Would `privlint scan` of this project analyse the file? (ignores, build output, .gitignore) */
  scans(file: string): boolean {
    return this.scanned?.(file) ?? false;
  }

  current(now = Date.now()): { setup?: ProjectSetup; error?: UserError; index?: ProjectIndex } {
    if (this.lastCheck === 0 || (now - this.lastCheck >= SETUP_CHECK_INTERVAL_MS && this.changedOnDisk())) this.load();
    this.lastCheck = now;
    return { ...(this.setup ? { setup: this.setup, index: this.index! } : {}), ...(this.setupError ? { error: this.setupError } : {}) };
  }

  /**
   * Per-file findings of `file` with `text`. When the text is what is on disk — every file of an
   * `eslint .` run — they come from one evaluation of the whole project, shared by all its files
   * until a file changes. An edited text is analysed and linked with the project on its own.
   */
  findings(setup: ProjectSetup, index: ProjectIndex, file: string, text: string): Pick<LintOutcome, 'findings' | 'notAnalysed'> {
    if (index.text(file) === text) {
      if (this.onDisk?.version !== index.version) this.onDisk = { version: index.version, byFile: this.evaluateProject(setup, index, index.relevant()) };
      const findings = this.onDisk.byFile.get(toPosixRelative(setup.root, file)) ?? [];
      return withNotAnalysed(findings, index.relevant().files.has(file) ? index.facts(file) : undefined);
    }
    const scan = scanText(text);
    const base = index.relevant();
    // The cheap pre-check: a file that mentions nothing privacy-relevant has no per-file findings.
    const mentionsProject = [...base.words.names].some((name) => scan.identifiers.has(name)) || scan.specifiers.some(({ specifier }) => base.words.stems.has(stemOf(specifier)));
    if (catalogRole(scan, setup.catalog, setup.analyzeOptions.requestParameterNames) === undefined && !mentionsProject) return { findings: [] };
    const own = index.analyze(file, text);
    const relevance = index.relevantWith(file, scan, own);
    const lines = text.split('\n');
    return withNotAnalysed(this.evaluateProject(setup, index, relevance, { file, facts: own, lines }).get(toPosixRelative(setup.root, file)) ?? [], own);
  }

  private evaluateProject(setup: ProjectSetup, index: ProjectIndex, relevance: Relevance, edited?: { file: string; facts: FileFacts; lines: string[] }): Map<string, Finding[]> {
    const facts = new Map<string, FileFacts>();
    for (const file of relevance.files) {
      const fileFacts = file === edited?.file ? edited.facts : index.facts(file);
      if (fileFacts) facts.set(file, fileFacts);
    }
    if (edited) facts.set(edited.file, edited.facts);
    const editedRelative = edited ? toPosixRelative(setup.root, edited.file) : undefined;
    const { findings } = evaluate({
      setup,
      facts,
      fileExists: (candidate) => facts.has(candidate) || index.has(candidate) || existsSync(candidate),
      partialProject: true,
      lineText: (target, line) => (target === editedRelative ? edited!.lines : (index.lines(path.resolve(setup.root, target)) ?? []))[line - 1] ?? '',
    });
    const byFile = new Map<string, Finding[]>();
    for (const finding of findings) {
      if (!reportedInEditor(finding, facts.get(path.resolve(setup.root, finding.file)))) continue;
      const list = byFile.get(finding.file);
      if (list) list.push(finding);
      else byFile.set(finding.file, [finding]);
    }
    return byFile;
  }

  private load(): void {
    this.setup = undefined;
    this.setupError = undefined;
    this.index = undefined;
    this.onDisk = undefined;
    try {
      this.setup = loadSetup({ root: this.root, cwd: this.root, ...this.options, ...(process.env.PRIVLINT_DEBUG ? { debug: true } : {}) });
      this.index = new ProjectIndex(this.setup);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.setupError = error;
    }
    const { configFile, manifestFile } = setupFiles({ root: this.root, cwd: this.root, ...this.options });
    // Watch where a manifest or config would appear too, so adding one is noticed.
    const files = [configFile ?? path.join(this.root, CONFIG_FILE_NAMES[0]!), manifestFile ?? path.join(this.root, MANIFEST_FILE_NAMES[0]!)];
    this.watched = files.map((file) => ({ file, mtimeMs: mtime(file) }));
    this.scanned = this.setup ? createScanFilter({ root: this.root, ...ignoreOptions(this.setup) }) : undefined;
  }

  private changedOnDisk(): boolean {
    return this.watched.some(({ file, mtimeMs }) => mtime(file) !== mtimeMs);
  }
}

/** The findings, and why the file was not analysed when its facts say so (as the scan's diagnostic does). */
function withNotAnalysed(findings: Finding[], facts: FileFacts | undefined): Pick<LintOutcome, 'findings' | 'notAnalysed'> {
  const diagnostic = facts?.notAnalysed ? facts.diagnostics[0] : undefined;
  return diagnostic ? { findings, notAnalysed: { line: diagnostic.line, column: diagnostic.column, message: diagnostic.message } } : { findings };
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

const projects = new Map<string, EditorProject>();
/** The project root found for a folder, and when: every lint would otherwise walk up the tree looking for files. */
const rootsByFolder = new Map<string, { anchor: string | undefined; at: number }>();

/** The project a file belongs to: ESLint's cwd when settings name the files, else the folder of its privlint config, manifest or package.json. */
function projectFor(file: string, settings: EditorSettings, now = Date.now()): EditorProject {
  const manifest = settings.manifest ? path.resolve(settings.cwd, settings.manifest) : undefined;
  const config = settings.config ? path.resolve(settings.cwd, settings.config) : undefined;
  const folder = path.dirname(file);
  // Paths from settings are relative to ESLint's cwd, the folder `privlint scan` would be run in.
  let anchor: string | undefined;
  if (!manifest && !config) {
    let known = rootsByFolder.get(folder);
    if (!known || now - known.at >= SETUP_CHECK_INTERVAL_MS) {
      known = { anchor: findConfig(folder) ?? findManifest(folder) ?? findUp(folder, 'package.json'), at: now };
      rootsByFolder.set(folder, known);
    }
    anchor = known.anchor;
  }
  const root = anchor ? path.dirname(anchor) : settings.cwd;
  const key = `${root}\0${manifest ?? ''}\0${config ?? ''}`;
  let project = projects.get(key);
  if (!project) {
    project = new EditorProject(root, { ...(manifest ? { manifest } : {}), ...(config ? { config } : {}) });
    projects.set(key, project);
  }
  return project;
}

function findUp(folder: string, name: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, name))) return path.join(current, name);
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * Lint one file's current text the way `privlint scan` would judge it, using a cached index of
 * the rest of the project for wrappers, guards and callers. Only per-file rules are returned.
 */
export function lintText(file: string, text: string, settings: EditorSettings): LintOutcome {
  const absolute = path.resolve(settings.cwd, file);
  const project = projectFor(absolute, settings);
  const { setup, error, index } = project.current();
  if (error) return { findings: [], setupError: error };
  if (!setup || !index || !project.scans(absolute)) return { findings: [] };
  // What `privlint scan` skips, the editor skips too, with the same note: before any work on the text.
  const skipped = skippedText(text);
  if (skipped) return { findings: [], notAnalysed: { line: skipped.line, column: skipped.column, message: `privlint ${skipped.message}` } };
  try {
    index.refresh(Date.now(), index.text(absolute) === text);
    return project.findings(setup, index, absolute, text);
  } catch (failure) {
    // A bug in privlint is this file's problem, never the end of the lint run.
    const message = failure instanceof UserError ? `privlint could not analyse this file: ${failure.message}` : internalErrorMessage(failure, setup.analyzeOptions.debug);
    return { findings: [], notAnalysed: { line: 1, column: 1, message } };
  }
}

/** How many of a project's files the editor analyses in full, and why (for bench/eslint-overhead.mjs). */
export function preCheckReport(root: string): { passed: number; total: number; top: [string, number][] } {
  const setup = loadSetup({ root, cwd: root });
  const index = new ProjectIndex(setup);
  index.refresh();
  const { files, words } = index.relevant();
  const { files: all } = discoverFiles({ paths: [root], ...ignoreOptions(setup), root });
  const reasons = new Map<string, number>();
  for (const file of files) {
    const scan = scanText(index.text(file) ?? '');
    const role = catalogRole(scan, setup.catalog, setup.analyzeOptions.requestParameterNames);
    const reason =
      role === 'collects'
        ? 'loads a catalogued module, mentions a catalogued global, a request or privlint comments'
        : [...words.names].some((name) => scan.identifiers.has(name))
          ? 'names a project function that leads to a collection site'
          : role === 'sends'
            ? 'has a sink and is loaded by a relevant file'
            : 'module stem or re-export of a relevant file';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return { passed: files.size, total: all.length, top: [...reasons].sort((a, b) => b[1] - a[1]) };
}

/** Forget every cached project (tests). */
export function resetEditorSessions(): void {
  projects.clear();
  rootsByFolder.clear();
}
