import type { ExportTarget, FileFacts, IpcFacts } from '../detect/facts.js';
import type { ViaStep } from './inventory.js';
import type { Target } from './resolve-references.js';

/** A main-process function a renderer's `window.key.member(…)` call runs through Electron's IPC bridge. */
export interface BridgedHandler {
  file: string;
  functionIndex: number;
  /** The preload's send and the main process's handler, for the call's `via`. */
  via: ViaStep[];
}

export interface IpcBridgeInput {
  files: ReadonlyMap<string, FileFacts>;
  /** What a file's project call (by index) resolves to. */
  resolvedCall: (file: string, referenceIndex: number) => Target | undefined;
  relative: (file: string) => string;
}

/**
 * The handlers each renderer call reaches, by file and index in `ipc.calls`: the exposed key and
 * member lead to the preload function, its `ipcRenderer.send/invoke` channel to the `ipcMain`
 * handlers of that channel, registered directly or through a project wrapper of `ipcMain.on`.
 */
export function bridgedCalls(input: IpcBridgeInput): Map<string, Map<number, BridgedHandler[]>> {
  const out = new Map<string, Map<number, BridgedHandler[]>>();
  const withIpc = [...input.files].filter((entry): entry is [string, FileFacts & { ipc: IpcFacts }] => entry[1].ipc !== undefined);
  const exposed = withIpc.flatMap(([file, facts]) => facts.ipc.exposed.map((exposure) => ({ file, ...exposure })));
  if (exposed.length === 0) return out;
  const handlers = handlersByChannel(withIpc, input);
  for (const [file, facts] of withIpc) {
    facts.ipc.calls.forEach((call, index) => {
      const [key, ...members] = call.path;
      const reached: BridgedHandler[] = [];
      for (const exposure of exposed) {
        if (exposure.key !== key) continue;
        const functionIndex = memberFunction(exposure.target, members);
        if (functionIndex === undefined) continue;
        const sender = input.files.get(exposure.file)!;
        const place = sender.functions[functionIndex]!.range;
        for (const send of sender.ipc?.sends ?? []) {
          if (send.functionIndex !== functionIndex) continue;
          const sendStep: ViaStep = { file: input.relative(exposure.file), line: place.line, column: place.column, note: `window.${call.path.join('.')} sends IPC "${send.channel}"` };
          for (const handler of handlers.get(send.channel) ?? []) {
            const range = input.files.get(handler.file)!.functions[handler.functionIndex]!.range;
            const handleStep: ViaStep = { file: input.relative(handler.file), line: range.line, column: range.column, note: `the main process handles IPC "${send.channel}"` };
            reached.push({ file: handler.file, functionIndex: handler.functionIndex, via: [sendStep, handleStep] });
          }
        }
      }
      if (reached.length === 0) return;
      if (!out.has(file)) out.set(file, new Map());
      out.get(file)!.set(index, reached);
    });
  }
  return out;
}

/** `ipcMain.on('channel', handler)`, and `register('channel', handler)` where `register` passes those parameters to `ipcMain.on`. */
function handlersByChannel(withIpc: [string, FileFacts & { ipc: IpcFacts }][], input: IpcBridgeInput): Map<string, { file: string; functionIndex: number }[]> {
  const byChannel = new Map<string, { file: string; functionIndex: number }[]>();
  const add = (channel: string, file: string, functionIndex: number) => byChannel.set(channel, [...(byChannel.get(channel) ?? []), { file, functionIndex }]);
  const registrars = new Map(withIpc.flatMap(([file, facts]) => facts.ipc.registrars.map((registrar) => [`${file}\0${registrar.functionIndex}`, registrar] as const)));
  for (const [file, facts] of withIpc) {
    for (const handler of facts.ipc.handlers) add(handler.channel, file, handler.functionIndex);
    for (const registration of facts.ipc.registrations) {
      const target = input.resolvedCall(file, registration.referenceIndex);
      if (target?.kind !== 'function' || target.rest.length > 0) continue;
      const registrar = registrars.get(`${target.file}\0${target.functionIndex}`);
      // The registration's channel is its first argument and its handler the first function after it.
      if (registrar?.channel === 0 && registrar.handler >= 1) add(registration.channel, file, registration.functionIndex);
    }
  }
  return byChannel;
}

/** The function at a member path of an exposed value, in the exposing file. */
function memberFunction(target: ExportTarget, members: string[]): number | undefined {
  let current: ExportTarget | undefined = target;
  for (const member of members) current = current?.kind === 'object' ? current.members[member] : current?.kind === 'function' ? current.members?.[member] : undefined;
  return current?.kind === 'function' ? current.functionIndex : undefined;
}
