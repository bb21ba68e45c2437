import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

// A member read through a variable that took its value on another line shows that line as a `via` step,
// so a reviewer sees where the API was reached (`const uaData = navigator.userAgentData`).
const lines = (...source: string[]) => source.join('\n') + '\n';
const steps = (files: Record<string, string>) =>
  scanProject(files).inventory.collections.map((site) => `${site.file}:${site.line} ${site.api} via ${site.via.map((step) => `${step.line}: ${step.note}`).join(' / ')}`);

describe('a read through a variable holding an API member', () => {
  it('shows the line where the variable read the member, directly and through a wrapper', () => {
    expect(
      steps({
        'src/hints.ts': lines(
          `import { Platform } from 'react-native';`,
          `declare function track(value: unknown): void;`,
          `export function hints() {`,
          `  const uaData = (navigator as any).userAgentData;`,
          `  if (uaData) track({ mobile: uaData.mobile });`,
          `}`,
          `function android() {`,
          `  const constants = Platform.constants as { Model: string };`,
          `  return { model: constants.Model };`,
          `}`,
          `export const context = () => track(android());`,
        ),
      }),
    ).toEqual([
      'src/hints.ts:5 navigator.userAgentData.mobile via 4: read through uaData, which gets its value here',
      'src/hints.ts:11 react-native#Platform.constants.Model via 9: android() returns react-native#Platform.constants.Model / 8: read through constants, which gets its value here',
    ]);
  });

  it('a read on the same line as the variable, or through a module binding, has no such step', () => {
    expect(
      steps({
        'src/same.ts': lines(
          `import * as RN from 'react-native';`,
          `declare function track(value: unknown): void;`,
          `export function same() {`,
          `  const uaData = (navigator as any).userAgentData; track({ mobile: uaData.mobile });`,
          `  track({ model: (RN.Platform.constants as { Model: string }).Model });`,
          `}`,
        ),
      }),
    ).toEqual([
      'src/same.ts:4 navigator.userAgentData.mobile via ',
      'src/same.ts:5 react-native#Platform.constants.Model via ',
    ]);
  });
});
