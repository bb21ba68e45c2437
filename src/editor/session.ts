import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ruleMeta } from '../check/rules.js';
import type { Finding } from '../check/finding.js';
import { CONFIG_FILE_NAMES, findConfig } from '../config/load.js';
import { analyzeSource } from '../detect/analyze-file.js';
import type { FileFacts } from '../detect/facts.js';
import { evaluate } from '../engine/evaluate.js';
import { loadSetup, setupFiles, type ProjectSetup } from '../engine/setup.js';
import { MAX_GUARD_DEPTH } from '../link/link.js';
import { findManifest, MANIFEST_FILE_NAMES } from '../manifest/load.js';
import { createScanFilter } from '../project/discover.js';
import { ModuleResolver } from '../project/resolve.js';
import { toPosixRelative } from '../util/paths.js';
import { UserError } from '../util/problem.js';
import { ProjectIndex } from './project-index.js';

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
}

const SETUP_CHECK_INTERVAL_MS = 1000;

/** One project as the editor sees it: setup reloaded when the manifest or config changes on disk. */
class EditorProject {
  private setup?: ProjectSetup;
  private setupError?: UserError;
  private index?: ProjectIndex;
  private watched: { file: string; mtimeMs: number }[] = [];
  private lastCheck = 0;
  private words?: { version: ProjectIndex; list: string[] };
  private scanned?: (file: string) => boolean;

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

  private load(): void {
    this.setup = undefined;
    this.setupError = undefined;
    this.index = undefined;
    this.words = undefined;
    try {
      this.setup = loadSetup({ root: this.root, cwd: this.root, ...this.options });
      this.index = new ProjectIndex(this.setup);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.setupError = error;
    }
    const { configFile, manifestFile } = setupFiles({ root: this.root, cwd: this.root, ...this.options });
    // Watch where a manifest or config would appear too, so adding one is noticed.
    const files = [configFile ?? path.join(this.root, CONFIG_FILE_NAMES[0]!), manifestFile ?? path.join(this.root, MANIFEST_FILE_NAMES[0]!)];
    this.watched = files.map((file) => ({ file, mtimeMs: mtime(file) }));
    this.scanned = this.setup ? createScanFilter({ root: this.root, ignore: this.setup.config.ignore }) : undefined;
  }

  private changedOnDisk(): boolean {
    return this.watched.some(({ file, mtimeMs }) => mtime(file) !== mtimeMs);
  }

  /** Cheap pre-check: does the text mention anything privlint knows (a catalogued module or global, a request object, a project wrapper)? */
  worthAnalysing(text: string): boolean {
    const { setup, index } = this;
    if (!setup || !index) return false;
    if (setup.catalog.quickCheckWords.some((word) => text.includes(word))) return true;
    if (setup.analyzeOptions.requestParameterNames.some((name) => text.includes(`${name}.`) || text.includes(`${name}[`))) return true;
    if (this.words?.version !== index) this.words = { version: index, list: [...index.interestingWords()] };
    return this.words.list.some((word) => text.includes(word));
  }
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

const projects = new Map<string, EditorProject>();

/** The project a file belongs to: ESLint's cwd when settings name the files, else the folder of its privlint config, manifest or package.json. */
function projectFor(file: string, settings: EditorSettings): EditorProject {
  const manifest = settings.manifest ? path.resolve(settings.cwd, settings.manifest) : undefined;
  const config = settings.config ? path.resolve(settings.cwd, settings.config) : undefined;
  const folder = path.dirname(file);
  // Paths from settings are relative to ESLint's cwd, the folder `privlint scan` would be run in.
  const anchor = manifest || config ? undefined : (findConfig(folder) ?? findManifest(folder) ?? findUp(folder, 'package.json'));
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
  index.refresh();
  if (!project.worthAnalysing(text)) return { findings: [] };

  const own = analyzeSource(absolute, text, setup.analyzeOptions);
  const facts = new Map<string, FileFacts>();
  const modules = new ModuleResolver((candidate) => candidate === absolute || index.has(candidate) || existsSync(candidate), setup.aliases);
  const neighbours = index.has(absolute) ? index.neighbourhood(absolute, MAX_GUARD_DEPTH) : new Set<string>();
  for (const specifier of own.imports) {
    const target = modules.resolve(absolute, specifier);
    if (target && index.has(target)) for (const reachable of index.neighbourhood(target, 0)) neighbours.add(reachable);
  }
  for (const neighbour of neighbours) {
    const neighbourFacts = index.facts(neighbour);
    if (neighbourFacts && neighbour !== absolute) facts.set(neighbour, neighbourFacts);
  }
  facts.set(absolute, own);

  const lines = text.split('\n');
  const relative = toPosixRelative(setup.root, absolute);
  const { findings } = evaluate({
    setup,
    facts,
    fileExists: (candidate) => facts.has(candidate) || index.has(candidate),
    lineText: (target, line) => (target === relative ? lines : index.lines(path.resolve(setup.root, target)) ?? [])[line - 1] ?? '',
  });
  return { findings: findings.filter((finding) => finding.file === relative && ruleMeta(finding.ruleId).perFile) };
}

/** Forget every cached project (tests). */
export function resetEditorSessions(): void {
  projects.clear();
}
