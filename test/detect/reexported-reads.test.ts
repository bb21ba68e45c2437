import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A package's catalogued read reached through the project's re-export of the package (apps that wrap
// every native package in a module of their own, to mock it or pick a platform file).
const lines = (...source: string[]) => source.join('\n') + '\n';

describe('a package read through a project re-export', () => {
  it("the cellular generation read on the state of netinfo's useNetInfo, re-exported by a project module, is netinfo's read", () => {
    const result = scanProject({
      'src/libs/network/useNetInfo.ts': lines(`export { useNetInfo } from '@react-native-community/netinfo';`),
      'src/Status.tsx': lines(
        `import { useNetInfo } from './libs/network/useNetInfo';`,
        `declare function track(value: unknown): void;`,
        `export function Status() {`,
        `  const state = useNetInfo();`,
        `  track({ type: state.type, generation: state.details?.cellularGeneration });`,
        `  return state.isConnected;`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual(['src/Status.tsx:5 device.info @react-native-community/netinfo#useNetInfo().details.cellularGeneration']);
  });

  it('the same read on what a project hook of the same name returns is not a package read', () => {
    const result = scanProject({
      'src/libs/network/useNetInfo.ts': lines(
        `export const useNetInfo = () => ({ type: 'wifi', isConnected: true, details: { cellularGeneration: '4g' } });`,
      ),
      'src/Status.tsx': lines(
        `import { useNetInfo } from './libs/network/useNetInfo';`,
        `declare function track(value: unknown): void;`,
        `export function Status() {`,
        `  const state = useNetInfo();`,
        `  track({ type: state.type, generation: state.details?.cellularGeneration });`,
        `  return state.isConnected;`,
        `}`,
      ),
    });
    expect(sites(result)).toEqual([]);
  });
});
