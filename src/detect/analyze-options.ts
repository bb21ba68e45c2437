import type { CatalogIndex } from '../catalog/match.js';

// Kept apart from analyze-file.ts so that setting up a scan does not load the TypeScript parser.

export interface AnalyzeOptions {
  catalog: CatalogIndex;
  /** Parameter names taken to be HTTP request objects (req, request, ctx …). */
  requestParameterNames: readonly string[];
  /**
   * Does an import of `specifier` from `file` reach a project file? Calls into packages cannot be
   * wrappers or guards, so they are not recorded. Without it, every non-catalogued import counts.
   */
  isProjectModule?: (file: string, specifier: string) => boolean;
}

export const DEFAULT_REQUEST_PARAMETER_NAMES = ['req', 'request', 'ctx', 'context'] as const;

/** Type names that make a parameter a request object whatever its name. */
export const REQUEST_TYPE_NAMES = ['Request', 'NextRequest', 'NextApiRequest', 'IncomingMessage', 'FastifyRequest', 'ParameterizedContext'] as const;
