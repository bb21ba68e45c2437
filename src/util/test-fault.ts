/**
 * TEST ONLY — never set in real use. `PRIVLINT_TEST_ONLY_FAULT=<phase>:<file suffix>` (phase
 * `analyse` or `link`) makes privlint throw inside its own code on that file, as a bug would, so
 * tests can show that one file's failure never ends a scan or a lint run. An environment variable,
 * not a setter, because it must reach the built CLI and its worker threads too.
 */
export const TEST_FAULT_VARIABLE = 'PRIVLINT_TEST_ONLY_FAULT';

export type FaultPhase = 'analyse' | 'link';

export function injectTestFault(phase: FaultPhase, file: string): void {
  const spec = process.env[TEST_FAULT_VARIABLE];
  if (!spec) return;
  const separator = spec.indexOf(':');
  if (spec.slice(0, separator) !== phase || !file.endsWith(spec.slice(separator + 1))) return;
  // The kind of error a real bug throws.
  throw new TypeError(`Cannot read properties of undefined (reading 'kind') [injected by ${TEST_FAULT_VARIABLE}]`);
}
