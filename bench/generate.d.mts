/** Lines per source file when no line target is given. */
export const DEFAULT_LINES_PER_FILE: number;
/** See generate.mjs: writes a synthetic project of `fileCount` feature files into `folder`. */
export function generateProject(folder: string, fileCount: number, options?: number | { lines?: number; seed?: number }): { files: number; lines: number };
