import { describe, expect, it } from 'vitest';
import { parseSource, syntaxErrors } from '../../src/detect/analyze-file.js';
import { declaresFlow, stripFlowTypes } from '../../src/detect/flow-types.js';
import { scanProject, sites } from '../helpers/temp-project.js';

const FLOW_FILE = `// @flow strict-local
import React, { type Node } from 'react';
import type { Dispatch } from './types';
import {
  openDatabase,
  type SQLResultSet,
  type SQLTransaction as WebSQLTransaction,
} from 'expo-sqlite';
import typeof Module from './module';

type Props = $ReadOnly<{| +id: ?string, ...OtherProps |}>;
export type Account = {| email: string |};
opaque type Token = string;
declare var __DEV__: boolean;

const load = async (
  dispatch: Dispatch,
  props: Props,
): Promise<
  void,
> => {
  const id = (props.id: any);
  return id;
};

class Store<T> extends Base<T> implements Saver, Loader {
  +name: string = 'store';
  static count: number;
  save<U>(value: U): void {}
}

function isString(x: mixed): boolean %checks {
  return typeof x === 'string';
}

export default (load: Function);
`;

describe('Flow-typed JavaScript', () => {
  it('is recognised by its @flow pragma in the opening comments only', () => {
    expect(declaresFlow('// @flow\nconst a = 1;')).toBe(true);
    expect(declaresFlow('/**\n * @flow strict\n */\nconst a = 1;')).toBe(true);
    expect(declaresFlow("const a = 1; // @flow is mentioned later\n")).toBe(false);
    expect(declaresFlow('// @noflow\nconst a = 1;')).toBe(false);
  });

  it('reads as plain JavaScript once its types are blanked, every offset and line kept', () => {
    const stripped = stripFlowTypes(FLOW_FILE)!;
    expect(stripped).toBeDefined();
    expect(stripped.length).toBe(FLOW_FILE.length);
    expect(stripped.split('\n').length).toBe(FLOW_FILE.split('\n').length);
    expect(syntaxErrors(parseSource('x.ts', stripped))).toEqual([]);
    // Values stay where they were; types are gone.
    expect(stripped.indexOf('openDatabase')).toBe(FLOW_FILE.indexOf('openDatabase'));
    expect(stripped).not.toMatch(/SQLResultSet|Dispatch|\{\||\?string|%checks|implements|opaque|Module/);
    expect(stripped).toContain('import React');
    expect(stripped).toContain('const id = (props.id     );');
  });

  it('moves an arrow function’s ) to the line of => when its return type spans lines', () => {
    const stripped = stripFlowTypes('const f = (a: number): Promise<\n  void,\n> => a;\n')!;
    expect(stripped.split('\n')).toEqual([`const f = (a${' '.repeat(19)}`, ' '.repeat(7), ') => a;', '']);
    expect(syntaxErrors(parseSource('x.js', stripped))).toEqual([]);
  });

  it('is analysed: collection sites in a @flow file, and in a Flow file without the pragma', () => {
    const result = scanProject({
      'src/device.js': `// @flow\nimport DeviceInfo from 'react-native-device-info';\ntype Id = {| value: ?string |};\n\nexport const readId = (): Id => ({ value: (DeviceInfo.getUniqueId(): any) });\n`,
      'src/location.js': `import type { Position } from './types';\nimport Geolocation from '@react-native-community/geolocation';\nexport function locate(cb: (Position) => void): void {\n  Geolocation.getCurrentPosition(cb);\n}\n`,
    });
    expect(sites(result)).toEqual([
      'src/device.js:5 device.android_id react-native-device-info#getUniqueId',
      'src/device.js:5 device.id react-native-device-info#getUniqueId',
      'src/location.js:4 location.precise @react-native-community/geolocation#getCurrentPosition',
    ]);
    expect(result.inventory.collections[0]!.column).toBe(FLOW_COLUMN);
    expect(result.inventory.diagnostics).toEqual([]);
  });

  it('still reports a file that neither parser can read, with the TypeScript parser’s message', () => {
    const result = scanProject({ 'src/broken.js': '// @flow\nconst a = {|;\n' });
    expect(result.inventory.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line} ${diagnostic.message.slice(0, 22)}`)).toEqual(['src/broken.js:2 cannot parse this file']);
  });
});

/** The column of `DeviceInfo.getUniqueId()` on line 5 of src/device.js above. */
const FLOW_COLUMN = 'export const readId = (): Id => ({ value: ('.length + 1;
