import { readBundledYaml } from '../util/data-file.js';

/** A function that calls a function it is given (invokers.yaml): where that function and its arguments are. */
export interface Invoker {
  callee: number;
  /** Where the called function's own arguments start; undefined when they are not passed one by one. */
  arguments?: number;
}

interface InvokersFile {
  invokers: { modules: string[]; functions: string[]; callee: number; arguments?: number }[];
  methods: string[];
}

let loaded: { byName: Map<string, Invoker>; methods: ReadonlySet<string> } | undefined;

function invokersFile() {
  if (loaded) return loaded;
  const file = readBundledYaml('./invokers.yaml', import.meta.url) as InvokersFile;
  const byName = new Map<string, Invoker>();
  for (const entry of file.invokers) {
    for (const module of entry.modules) {
      for (const name of entry.functions) byName.set(`${module}\0${name}`, { callee: entry.callee, ...(entry.arguments !== undefined ? { arguments: entry.arguments } : {}) });
    }
  }
  return (loaded = { byName, methods: new Set(file.methods) });
}

/** The invoker a module's export is (`call` of redux-saga/effects), if it is one. */
export function invokerOf(specifier: string, name: string): Invoker | undefined {
  return invokersFile().byName.get(`${specifier}\0${name}`);
}

/** `call`, `apply`, `bind`: a function's own methods that call it. */
export function isInvokingMethod(name: string): boolean {
  return invokersFile().methods.has(name);
}
