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
