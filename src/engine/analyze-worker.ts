/**
 * A worker thread that analyses files for a scan. It loads the same catalog as the main thread
 * (from the config's extensions) and answers batches of { file, text } with FileFacts. Its imports
 * load the TypeScript parser at once, before any setup arrives.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/load.js';
import { CatalogIndex } from '../catalog/match.js';
import { analyzeSource } from '../detect/analyze-file.js';
import { ModuleResolver } from '../project/resolve.js';
import type { WorkerMessage, WorkerResponse, WorkerSetup } from './worker-protocol.js';

/** Started before the scan knew its files (a warm cache: see startEarlyWorker), the setup comes as the first message. */
let options = workerData ? analyzeOptionsFor(workerData as WorkerSetup) : undefined;

function analyzeOptionsFor(setup: WorkerSetup) {
  const knownFiles = new Set(setup.files);
  const modules = new ModuleResolver((file) => knownFiles.has(file), setup.aliases);
  return {
    catalog: new CatalogIndex(loadCatalog(setup.catalogExtensions)),
    requestParameterNames: setup.requestParameterNames,
    isProjectModule: modules.isProjectModule,
    ...(setup.debug ? { debug: true } : {}),
  };
}

parentPort!.on('message', (message: WorkerMessage) => {
  if ('setup' in message) {
    options = analyzeOptionsFor(message.setup);
    return;
  }
  const timing = { parse: 0, detect: 0 };
  const results = message.files.map(({ file, text }) => ({ file, facts: analyzeSource(file, text, options!, timing) }));
  parentPort!.postMessage({ id: message.id, results, timing } satisfies WorkerResponse);
});
