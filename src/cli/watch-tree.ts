import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Watch every folder under `root` (but those `skip` names) for changes to its entries, and the
 * folders created later. One non-recursive watcher per folder, as chokidar does: Node 20's
 * recursive fs.watch on Linux loses a file once it is replaced by a rename — how editors and
 * formatters save — and sets itself up asynchronously, so a change right after it starts is missed.
 * Symbolic links are not followed, as a scan does not follow them.
 */
export function watchTree(root: string, onChange: (file: string) => void, skip: (folder: string) => boolean): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const unwatch = (folder: string) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };
  const add = (folder: string) => {
    if (watchers.has(folder) || skip(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (event, name) => {
        const file = name ? path.join(folder, name.toString()) : folder;
        if (event === 'rename') followFolder(file);
        onChange(file);
      });
    } catch {
      return; // gone already, or not readable: nothing in it to scan either
    }
    watcher.on('error', () => unwatch(folder));
    watchers.set(folder, watcher);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) add(path.join(folder, entry.name));
  };
  /** A rename made or removed `file`: start watching it if it is a new folder, stop if it was one. */
  const followFolder = (file: string) => {
    let isFolder = false;
    try {
      isFolder = statSync(file).isDirectory();
    } catch {
      for (const folder of [...watchers.keys()]) if (folder === file || folder.startsWith(file + path.sep)) unwatch(folder);
    }
    if (isFolder) add(file);
  };
  add(root);
  return {
    close() {
      for (const folder of [...watchers.keys()]) unwatch(folder);
    },
  };
}
