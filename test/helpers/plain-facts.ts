import type { FileFacts } from '../../src/detect/facts.js';

/** Facts from the cache as plain facts, to compare: the parts it reads lazily are its class's getters, not own properties. */
export const plainFacts = (facts: FileFacts | undefined) => facts && { ...facts, flowEdges: facts.flowEdges, functions: facts.functions };
