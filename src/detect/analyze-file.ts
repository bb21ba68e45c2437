import { ts } from '../engine/ts.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { emptyFacts, type FileFacts } from './facts.js';
import { FileAnalysis } from './file-analysis.js';
import { parseSource, syntaxErrors } from './parse.js';

export type { AnalyzeOptions } from './analyze-options.js';
export { emptyFacts } from './facts.js';
export { parseSource, scriptKindOf, syntaxErrors } from './parse.js';
export { isTypeOnlyKind, namesRatherThanUses } from './syntax.js';

/** Analyse one file's text: everything it says about personal data, SDKs, exports and calls. */
export function analyzeSource(fileName: string, text: string, options: AnalyzeOptions, timing?: { parse: number; detect: number }): FileFacts {
  const started = performance.now();
  const sourceFile = parseSource(fileName, text);
  const parsed = performance.now();
  if (timing) timing.parse += parsed - started;
  try {
    return analyzeParsed(sourceFile, options);
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
  return new FileAnalysis(sourceFile, options).run();
}
