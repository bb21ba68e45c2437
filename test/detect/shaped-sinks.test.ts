import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// An install id kept through an app's own storage interface and attached to a tracker's events.
const types = [
  `export interface KeyValueStorage {`,
  `  getItem(key: string): Promise<string | null>;`,
  `  setItem(key: string, value: string): Promise<void>;`,
  `}`,
  `export interface EventBuilder {`,
  `  addContextEntity(entity: { schema: string; data: Record<string, unknown> }): void;`,
  `}`,
].join('\n');

const plugin = (storageName: string) =>
  [
    `import { v4 as uuidv4 } from 'uuid';`,
    `import type { EventBuilder, KeyValueStorage } from './types';`,
    `interface Kept { installId: string; visit: number }`,
    `async function keep(state: Kept, ${storageName}: KeyValueStorage) {`,
    `  await ${storageName}.setItem('app_install', JSON.stringify(state));`,
    `}`,
    `async function restore(${storageName}: KeyValueStorage): Promise<Kept> {`,
    `  const raw = await ${storageName}.getItem('app_install');`,
    `  if (raw) return JSON.parse(raw) as Kept;`,
    `  return { installId: uuidv4(), visit: 1 };`,
    `}`,
    `export async function installPlugin(${storageName}: KeyValueStorage) {`,
    `  let state = await restore(${storageName});`,
    `  await keep(state, ${storageName});`,
    `  const beforeSend = (builder: EventBuilder) => {`,
    `    state = { ...state, visit: state.visit + 1 };`,
    `    builder.addContextEntity({ schema: 'iglu:com.example/install/jsonschema/1-0-0', data: { ...state } });`,
    `  };`,
    `  return { beforeSend };`,
    `}`,
  ].join('\n');

describe('sinks known by their shape on an app-typed receiver', () => {
  it('a generated id kept by setItem on an object named for storage and added to a tracker event (addContextEntity) is an install id', () => {
    const result = scanProject({ 'src/types.ts': types, 'src/install.ts': plugin('appStorage') });
    expect(sites(result)).toEqual(['src/install.ts:10 device.id uuid#v4']);
    expect(result.inventory.flows.map((flow) => `${flow.sink.kind} ${flow.sink.package} ${flow.sink.callee}`).sort()).toEqual([
      'network shape:payload builder.addContextEntity',
      'storage shape:storage appStorage.setItem',
    ]);
  });

  it('near miss: setItem on an object not named for storage (a cache) keeps nothing, so the id is only sent: no site', () => {
    const result = scanProject({ 'src/types.ts': types, 'src/install.ts': plugin('cache') });
    expect(sites(result)).toEqual([]);
    expect(result.inventory.flows).toEqual([]);
  });
});

const screenPlugin = (functionName: string) =>
  [
    `import { Dimensions, PixelRatio } from 'react-native';`,
    `import { compact } from './util';`,
    `export function screenPlugin(retriever?: { getBatteryLevel?: () => Promise<number> }) {`,
    `  let resolution: string | undefined;`,
    `  let scale: number | undefined;`,
    `  let batteryLevel: number | undefined;`,
    `  const refresh = async () => {`,
    `    resolution = Math.floor(Dimensions.get('window').width) + 'x' + Math.floor(Dimensions.get('window').height);`,
    `    scale = PixelRatio.get();`,
    `    batteryLevel = retriever?.getBatteryLevel ? await retriever.getBatteryLevel() : undefined;`,
    `  };`,
    `  void refresh();`,
    `  const ${functionName} = () => {`,
    `    return [{ schema: 'iglu:com.example/screen/jsonschema/1-0-0', data: compact({ resolution, scale, batteryLevel }) }];`,
    `  };`,
    `  return { ${functionName} };`,
    `}`,
  ].join('\n');
const util = `export function compact<T extends object>(value: T): Partial<T> {\n  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;\n}\n`;

describe("what a tracker plugin's contexts() returns is sent with every event", () => {
  it('traits kept in closure variables and returned from contexts() are sites; a device getter beside them stays its own site', () => {
    const result = scanProject({ 'src/util.ts': util, 'src/screen.ts': screenPlugin('contexts') });
    // The name `batteryLevel` at the return is the getter's read, said once (at the getter).
    expect(sites(result)).toEqual([
      'src/screen.ts:8 device.info react-native#Dimensions.get',
      'src/screen.ts:8 device.info react-native#Dimensions.get',
      'src/screen.ts:9 device.info react-native#PixelRatio.get',
      'src/screen.ts:10 device.info name:getBatteryLevel()',
    ]);
  });

  it('near miss: the same traits returned from a function named otherwise (a layout helper) are not sent', () => {
    const result = scanProject({ 'src/util.ts': util, 'src/screen.ts': screenPlugin('layout') });
    expect(sites(result).filter((site) => !site.includes('name:'))).toEqual([]);
  });
});
