import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT, PACKAGE_VERSION } from '../../util/package-info.js';

/**
 * Where `privlint serve` for a scan root listens, and where `privlint scan` looks for it: a Unix
 * socket in a folder under the temporary directory that only this user may enter (so no other
 * user can have the server read files for them). The name is a hash of the root and of this
 * privlint's build: a scan finds only a server running the very same code (another version, build
 * or Node would answer with other results). Undefined on Windows, which has no such sockets.
 */
export function serverAddress(root: string, { create = false } = {}): string | undefined {
  if (process.platform === 'win32') return undefined;
  const folder = privateFolder(create);
  if (!folder) return undefined;
  const name = createHash('sha1').update(`${root}\0${buildIdentity()}`).digest('hex').slice(0, 24);
  return path.join(folder, `${name}.sock`);
}

let identity: string | undefined;

/** This privlint: its install, version, code (sources or build, and the build's hash) and Node. */
function buildIdentity(): string {
  if (identity === undefined) {
    let buildHash = '';
    try {
      buildHash = readFileSync(path.join(PACKAGE_ROOT, 'dist', '.build-hash'), 'utf8');
    } catch {
      // An installed package has no build stamp: its version names its code.
    }
    identity = [PACKAGE_ROOT, PACKAGE_VERSION, path.dirname(fileURLToPath(import.meta.url)), buildHash, process.version].join('\0');
  }
  return identity;
}

/** The user's own folder for server sockets; only the server creates it. Refused if anyone else could write to it. */
function privateFolder(create: boolean): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const folder = path.join(os.tmpdir(), `privlint-server-${uid ?? os.userInfo().username}`);
  try {
    if (create) mkdirSync(folder, { recursive: true, mode: 0o700 });
    else if (!existsSync(folder)) return undefined;
    const stats = lstatSync(folder);
    const ownedByUs = uid === undefined || stats.uid === uid;
    return stats.isDirectory() && ownedByUs && (stats.mode & 0o077) === 0 ? folder : undefined;
  } catch {
    return undefined;
  }
}
