import { ts } from './ts.js';
import { internalErrorMessage, isStackOverflow } from '../util/internal-error.js';
import { injectTestFault } from '../util/test-fault.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { analyzeConfigData, isConfigDataFile } from './config-plugins.js';
import { emptyFacts, type FileDiagnostic, type FileFacts } from './facts.js';
import { FileAnalysis } from './file-analysis.js';
import { MAX_NESTING_DEPTH } from './nesting.js';
import { nestingDepth, parseSource, syntaxErrors } from './parse.js';

export type { AnalyzeOptions } from './analyze-options.js';
export { emptyFacts } from './facts.js';
export { parseSource, scriptKindOf, syntaxErrors } from './parse.js';
export { isTypeOnlyKind, namesRatherThanUses } from './syntax.js';

/**
 * Analyse one file's text: everything it says about personal data, SDKs, exports and calls. Never
 * throws: a file privlint fails on (a bug, or nesting deeper than it follows) yields facts with one
 * diagnostic saying so, and the scan or lint run goes on with the other files.
 */
export function analyzeSource(fileName: string, text: string, options: AnalyzeOptions, timing?: { parse: number; detect: number }): FileFacts {
  const started = performance.now();
  let parsed = started;
  try {
    // app.json, capacitor.config.json, config.xml: not code; read for the SDKs they name.
    if (isConfigDataFile(fileName)) return analyzeConfigData(fileName, text, options.catalog);
    const sourceFile = parseSource(fileName, text);
    parsed = performance.now();
    if (timing) timing.parse += parsed - started;
    injectTestFault('analyse', fileName);
    return analyzeParsed(sourceFile, options);
  } catch (error) {
    if (isStackOverflow(error)) return notAnalysed('too-deep', tooDeep());
    return notAnalysed('internal-error', { line: 1, column: 1, severity: 'warning', message: internalErrorMessage(error, options.debug) });
  } finally {
    if (timing) timing.detect += performance.now() - parsed;
  }
}

function analyzeParsed(sourceFile: ts.SourceFile, options: AnalyzeOptions): FileFacts {
  const errors = syntaxErrors(sourceFile);
  if (errors.length > 0) {
    const first = errors[0]!;
    const position = sourceFile.getLineAndCharacterOfPosition(first.start);
    return {
      ...emptyFacts(),
      diagnostics: [
        {
          line: position.line + 1,
          column: position.character + 1,
          // A warning, as issue 3 asks: the scan goes on, and the summary counts the file as not analysed.
          severity: 'warning',
          message: `cannot parse this file: ${ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, '')}; it was not analysed (fix the syntax error and scan again)`,
        },
      ],
    };
  }
  if (nestingDepth(sourceFile) > MAX_NESTING_DEPTH) return notAnalysed('too-deep', tooDeep());
  return new FileAnalysis(sourceFile, options).run();
}

function notAnalysed(reason: NonNullable<FileFacts['notAnalysed']>, diagnostic: FileDiagnostic): FileFacts {
  return { ...emptyFacts(), notAnalysed: reason, diagnostics: [diagnostic] };
}

/**
 * The same words whether the depth check or a stack overflow (in TypeScript's parser, say) caught
 * it, and at line 1: a worker's larger stack may get further than the main thread's, and the output
 * must not depend on which thread analysed the file.
 */
function tooDeep(): FileDiagnostic {
  return {
    line: 1,
    column: 1,
    severity: 'warning',
    message: `privlint did not analyse this file: its code is nested deeper than ${MAX_NESTING_DEPTH} levels (a very long chain of calls, operators or else-if arms?); split it up, or add the file to ignore in privlint.config to silence this warning`,
  };
}
