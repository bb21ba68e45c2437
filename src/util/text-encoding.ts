/**
 * Text of a file with a UTF-16 byte-order mark (FF FE little-endian, FE FF big-endian), which
 * editors on Windows still write; undefined for anything else. Such files are full of NUL bytes
 * and would otherwise look binary.
 */
export function decodeUtf16WithBom(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2) return undefined;
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    return undefined;
  }
}
