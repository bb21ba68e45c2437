import { readBundledYaml } from '../util/data-file.js';

/** One part of a bridge: `object.method(channel, …)` for any of `methods`. */
export interface BridgePart {
  object: string;
  methods: readonly string[];
}

/** A process bridge of a desktop framework (ipc-bridges.yaml): how a page reaches the main process. */
export interface IpcBridge {
  module: string;
  expose: BridgePart;
  send: BridgePart;
  handle: BridgePart;
  global: string;
}

let loaded: readonly IpcBridge[] | undefined;

export function ipcBridges(): readonly IpcBridge[] {
  return (loaded ??= (readBundledYaml('./ipc-bridges.yaml', import.meta.url) as { bridges: IpcBridge[] }).bridges);
}

/** The bridge a module is (`electron`), if it is one. */
export function ipcBridgeOf(specifier: string): IpcBridge | undefined {
  return ipcBridges().find((bridge) => bridge.module === specifier);
}

/** Whether `object.method` is the bridge's `part`. */
export function isBridgePart(part: BridgePart, object: string, method: string): boolean {
  return part.object === object && part.methods.includes(method);
}
