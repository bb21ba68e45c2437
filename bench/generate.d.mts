/** See generate.mjs: writes a synthetic project of `fileCount` source files into `folder`. */
export function generateProject(folder: string, fileCount: number, seed?: number): { files: number; lines: number };
