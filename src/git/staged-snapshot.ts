import type { SourceOverlay } from '../project/source-overlay.js';
import { UserError } from '../util/problem.js';
import { firstLine, type RepositoryPaths } from './repository.js';
import { gitText, runGit, splitNul } from './run-git.js';

/**
 * The files as they would be committed: the index. A file whose working-tree text differs from
 * the index (a partially staged file) is read from the index; a file deleted from the working
 * tree but still staged is added; a file git does not track is left out.
 */
export function stagedSnapshot(paths: RepositoryPaths): SourceOverlay {
  const top = paths.topLevel;
  const unstaged = splitNul(gitText(['diff', '--name-status', '--no-renames', '--ignore-submodules', '-z'], top, (stderr) => `--staged: git cannot compare the index with the working tree (${firstLine(stderr)})`));
  const differing: string[] = [];
  const deletedOnDisk: string[] = [];
  for (let index = 0; index + 1 < unstaged.length; index += 2) {
    const status = unstaged[index]!;
    const file = unstaged[index + 1]!;
    if (status === 'D') deletedOnDisk.push(file);
    else if (status === 'M' || status === 'T') differing.push(file);
    // 'U' (a merge conflict): the index has no single version; the working tree is what there is.
  }
  const blobs = readIndexBlobs(top, [...differing, ...deletedOnDisk]);
  // What the index holds, read from the index alone (listing untracked files would walk the tree).
  const tracked = new Set(splitNul(gitText(['ls-files', '--cached', '-z'], top, (stderr) => `--staged: git cannot list the staged files (${firstLine(stderr)})`)));

  return {
    files(discovered, root, accepts) {
      const kept = discovered.filter((file) => {
        const relative = paths.relative(file);
        return relative === undefined || tracked.has(relative);
      });
      const added = deletedOnDisk.filter((file) => blobs.has(file)).map((file) => paths.absolute(file, root)).filter(accepts);
      return [...new Set([...kept, ...added])].sort();
    },
    bytes(file) {
      const relative = paths.relative(file);
      return relative === undefined ? undefined : blobs.get(relative);
    },
  };
}

/** Stage-0 index content of `files` (repository-relative), through one `git cat-file --batch`. */
function readIndexBlobs(top: string, files: string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  // cat-file reads one object name a line, so a path with a newline cannot be asked for: such a
  // file is analysed as it is on disk.
  const askable = files.filter((file) => !file.includes('\n'));
  if (askable.length === 0) return blobs;
  const result = runGit(['cat-file', '--batch'], top, askable.map((file) => `:${file}\n`).join(''));
  if (result.status !== 0) throw new UserError(`--staged: git cannot read the staged files (${firstLine(result.stderr)})`);
  const output = result.stdout;
  let offset = 0;
  for (const file of askable) {
    const headerEnd = output.indexOf(10, offset);
    if (headerEnd < 0) break;
    const header = output.subarray(offset, headerEnd).toString('utf8');
    offset = headerEnd + 1;
    const match = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!match) continue; // "<name> missing": not in the index at stage 0
    const size = Number(match[2]);
    if (match[1] === 'blob') blobs.set(file, output.subarray(offset, offset + size));
    offset += size + 1;
  }
  return blobs;
}
