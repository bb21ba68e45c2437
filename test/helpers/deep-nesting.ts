// Valid files nested deeper than privlint's walk can recurse (issue 18): each reads a catalogued
// API, so the editor's project index analyses it even while another file is being linted.
const HEAD = `import DeviceInfo from 'react-native-device-info';\n`;

/** The four shapes, as `.ts` or `.js` files under src/deep/. */
export function deepFiles(extension: 'ts' | 'js'): Record<string, string> {
  return {
    // A 1,000-link call chain, one link a line.
    [`src/deep/chain.${extension}`]: `${HEAD}export const x = DeviceInfo${'\n  .m()'.repeat(1000)};\n`,
    // A 1,700-term sum, one term a line.
    [`src/deep/sum.${extension}`]: `${HEAD}export const x = DeviceInfo.getAndroidId()${'\n  + 1'.repeat(1699)};\n`,
    // 2,000 else-if arms.
    [`src/deep/else-if.${extension}`]: `${HEAD}export function pick(a${extension === 'ts' ? ': number' : ''}) {\n  if (a === 0) { return DeviceInfo.getAndroidId(); }\n${Array.from({ length: 1999 }, (_, i) => `  else if (a === ${i + 1}) { return ${i + 1}; }\n`).join('')}  return -1;\n}\n`,
    // A 2,000-step member chain.
    [`src/deep/members.${extension}`]: `${HEAD}export const x = DeviceInfo${'.b'.repeat(2000)};\n`,
  };
}

/** A normal file beside them, whose findings must still be reported. */
export const NORMAL_FILE = { 'src/ok.js': `${HEAD}export const id = DeviceInfo.getAndroidId();\n` };

export const TOO_DEEP = /^privlint did not analyse this file: its code is nested deeper than \d+ levels/;
