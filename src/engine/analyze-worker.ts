/**
 * A worker thread that analyses files for a scan. It loads the same catalog as the main thread
 * (from the config's extensions) and answers batches of { file, text } with FileFacts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/load.js';
import { CatalogIndex } from '../catalog/match.js';
import { analyzeSource } from '../detect/analyze-file.js';
import { ModuleResolver } from '../project/resolve.js';
import type { WorkerSetup, WorkerRequest, WorkerResponse } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const catalog = new CatalogIndex(loadCatalog(setup.catalogExtensions));
const knownFiles = new Set(setup.files);
const modules = new ModuleResolver((file) => knownFiles.has(file), setup.aliases);
const options = {
  catalog,
  requestParameterNames: setup.requestParameterNames,
  isProjectModule: modules.isProjectModule,
};

parentPort!.on('message', (request: WorkerRequest) => {
  const timing = { parse: 0, detect: 0 };
  const results = request.files.map(({ file, text }) => ({ file, facts: analyzeSource(file, text, options, timing) }));
  parentPort!.postMessage({ id: request.id, results, timing } satisfies WorkerResponse);
});
