import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writevSync } from 'node:fs';
import path from 'node:path';

/**
 * The layout of privlint's cache files: a 4-byte header length, the header as JSON, then a blob of
 * binary parts back to back, which the header locates by [start, end) spans. One JSON.parse reads
 * the whole header, and unchanged binary parts are written back as bytes.
 */
export type Span = [start: number, end: number];

export interface CacheFileContent<Header> {
  header: Header;
  blob: Buffer;
}

/** The header and blob of `file`, or undefined when it is missing or unreadable (it is only a cache). */
export function readCacheFile<Header>(file: string): CacheFileContent<Header> | undefined {
  try {
    const bytes = readFileSync(file);
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Header;
    return header ? { header, blob: bytes.subarray(4 + headerLength) } : undefined;
  } catch {
    return undefined;
  }
}

/** Collects the binary parts of a file to write, giving each its span in the blob. */
export class BlobWriter {
  readonly parts: Uint8Array[] = [];
  private offset = 0;

  place(bytes: Uint8Array): Span {
    this.parts.push(bytes);
    this.offset += bytes.length;
    return [this.offset - bytes.length, this.offset];
  }
}

/** Write `header` and the blob's parts to `file` atomically (a temporary file renamed over it), in a folder that says it is a cache. */
export function writeCacheFile(file: string, header: unknown, blob: BlobWriter): void {
  const folder = path.dirname(file);
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length, 0);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, '.gitignore'), '# Written by privlint: a cache, never commit it.\n*\n');
  const temporary = `${file}.${process.pid}.tmp`;
  writeParts(temporary, [length, headerBytes, ...blob.parts]);
  renameSync(temporary, file);
}

export function removeCacheFile(file: string): void {
  rmSync(file, { force: true });
}

/** Write the parts back to back without first copying them into one buffer (the cache is megabytes). */
function writeParts(file: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(file, 'w');
  try {
    // Batches below the usual IOV_MAX (1024); writevSync may write less than asked, so go on from there.
    for (let index = 0; index < parts.length; ) {
      const batch = parts.slice(index, index + 512);
      let written = writevSync(fd, batch);
      let done = 0;
      while (done < batch.length && written >= batch[done]!.length) written -= batch[done++]!.length;
      if (done < batch.length) {
        // A short write: finish the part it stopped in, then carry on with the next batch.
        writeFileSync(fd, batch[done]!.subarray(written));
        done++;
      }
      index += done;
    }
  } finally {
    closeSync(fd);
  }
}
