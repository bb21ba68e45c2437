import type { CatalogIndex } from '../catalog/match.js';

// Kept apart from analyze-file.ts so that setting up a scan does not load the TypeScript parser.

export interface AnalyzeOptions {
  catalog: CatalogIndex;
  /** Parameter names taken to be HTTP request objects (the config's requestParameterNames); without them, the catalog's (req, request, ctx, context). */
  requestParameterNames?: readonly string[];
  /**
   * Does an import of `specifier` from `file` reach a project file? Calls into packages cannot be
   * wrappers or guards, so they are not recorded. Without it, every non-catalogued import counts.
   */
  isProjectModule?: (file: string, specifier: string) => boolean;
  /** Put the stack of an internal error in its diagnostic (--debug). */
  debug?: boolean;
}

