import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// `{ computed: true }` argument constraints (src/catalog/data/EXAMPLE-FORMAT.md): a WebGL parameter or
// extension named at run time is a dump of the GPU's traits; a renderer names what it reads.

describe('WebGL parameters and extensions read over computed arguments', () => {
  it('a fingerprint reads every context constant and each supported extension by a run-time name', () => {
    const result = scanProject({
      'gpu.ts': [
        `export function gpuTraits(gl: any) {`,
        `  const values: string[] = [];`,
        `  for (const key of Object.keys(Object.getPrototypeOf(gl))) {`,
        `    const code = gl[key];`,
        `    values.push(key + '=' + gl.getParameter(code));`,
        `  }`,
        `  for (const name of gl.getSupportedExtensions() || []) {`,
        `    const ext = gl.getExtension(name);`,
        `    if (ext) for (const key in ext) values.push(key + '=' + gl.getParameter(ext[key]));`,
        `  }`,
        `  return { values, depth: screen.colorDepth, cores: navigator.hardwareConcurrency };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'gpu.ts:5 device.fingerprint *.getParameter',
      'gpu.ts:7 device.fingerprint *.getSupportedExtensions',
      'gpu.ts:8 device.fingerprint *.getExtension',
      'gpu.ts:9 device.fingerprint *.getParameter',
      'gpu.ts:11 device.fingerprint screen.colorDepth',
      'gpu.ts:11 device.fingerprint navigator.hardwareConcurrency',
    ]);
  });

  it('a renderer that reads one named parameter to size its textures and enables extensions from its own list stays quiet', () => {
    const result = scanProject({
      'renderer.ts': [
        `const WANTED = ['OES_texture_float', 'OES_element_index_uint'];`,
        `export function setup(gl: any) {`,
        `  const extensions: Record<string, unknown> = {};`,
        `  for (const name of WANTED) extensions[name] = gl.getExtension(name);`,
        `  const size = Math.min(4096, gl.getParameter(gl.MAX_TEXTURE_SIZE));`,
        `  const param = (pname: number) => gl.getParameter(pname);`,
        `  return { extensions, size, viewport: param(gl.MAX_VIEWPORT_DIMS) };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });
});
