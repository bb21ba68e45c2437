import path from 'node:path';
import type { PathAliases } from './tsconfig.js';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/**
 * React Native's platform-specific extensions (reactnative.dev/docs/platform-specific-code; Metro,
 * Expo and react-native-web resolve them): `import './Storage'` with only Storage.ios.ts and
 * Storage.android.ts beside it is that project module, not a package. The native build first.
 */
const PLATFORMS = ['.native', '.ios', '.android', '.web'];
/** `import './x.js'` in TypeScript means ./x.ts. */
const JS_TO_TS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

/**
 * Resolves module specifiers to project files, the way bundlers and TypeScript do for source
 * code: relative paths, tsconfig `paths` aliases and baseUrl, extensionless and index files.
 * Anything else (a package) resolves to undefined. File existence is asked of `fileExists`,
 * so a scan answers from the set of files it found, without touching the disk.
 */
export class ModuleResolver {
  /** Answers for package names and aliases, which mean the same from every file. */
  private readonly bare = new Map<string, string | null>();
  /** Answers for relative specifiers, per importing file (no key strings to build on each call). */
  private readonly relative = new Map<string, Map<string, string | null>>();

  constructor(
    private readonly fileExists: (file: string) => boolean,
    private readonly aliases?: PathAliases,
  ) {}

  /**
   * Does an import of `specifier` from `fromFile` reach a project file? The one answer scan, its
   * workers and the editor give the detector (AnalyzeOptions.isProjectModule): anything else is a package.
   */
  readonly isProjectModule = (fromFile: string, specifier: string): boolean => this.resolve(fromFile, specifier) !== undefined;

  resolve(fromFile: string, specifier: string): string | undefined {
    const isRelative = specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
    if (!isRelative && !path.isAbsolute(specifier)) {
      let known = this.bare.get(specifier);
      if (known === undefined) this.bare.set(specifier, (known = this.resolveBare(specifier) ?? null));
      return known ?? undefined;
    }
    let fromHere = this.relative.get(fromFile);
    if (!fromHere) this.relative.set(fromFile, (fromHere = new Map<string, string | null>()));
    let known = fromHere.get(specifier);
    if (known === undefined) fromHere.set(specifier, (known = this.probe(path.resolve(path.dirname(fromFile), specifier)) ?? null));
    return known ?? undefined;
  }

  private resolveBare(specifier: string): string | undefined {
    const aliases = this.aliases;
    if (!aliases) return undefined;
    for (const [pattern, targets] of Object.entries(aliases.paths)) {
      const star = pattern.indexOf('*');
      let captured: string | undefined;
      if (star < 0) {
        if (pattern === specifier) captured = '';
      } else {
        const prefix = pattern.slice(0, star);
        const suffix = pattern.slice(star + 1);
        if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
          captured = specifier.slice(prefix.length, specifier.length - suffix.length);
        }
      }
      if (captured === undefined) continue;
      for (const target of targets) {
        const found = this.probe(path.resolve(aliases.basePath, target.replace('*', captured)));
        if (found) return found;
      }
    }
    return aliases.baseUrl ? this.probe(path.resolve(aliases.baseUrl, specifier)) : undefined;
  }

  private probe(base: string): string | undefined {
    const extension = path.extname(base);
    if (extension && this.fileExists(base)) return base;
    const mapped = JS_TO_TS[extension];
    if (mapped) {
      const stem = base.slice(0, -extension.length);
      for (const candidate of mapped) if (this.fileExists(stem + candidate)) return stem + candidate;
    }
    for (const candidate of EXTENSIONS) if (this.fileExists(base + candidate)) return base + candidate;
    for (const candidate of EXTENSIONS) {
      const index = path.join(base, `index${candidate}`);
      if (this.fileExists(index)) return index;
    }
    // No plain file: a platform variant (only when the specifier names no extension of its own).
    if (!extension || !EXTENSIONS.includes(extension)) {
      for (const platform of PLATFORMS) for (const candidate of EXTENSIONS) if (this.fileExists(base + platform + candidate)) return base + platform + candidate;
      for (const platform of PLATFORMS) {
        for (const candidate of EXTENSIONS) {
          const index = path.join(base, `index${platform}${candidate}`);
          if (this.fileExists(index)) return index;
        }
      }
    }
    return undefined;
  }
}
