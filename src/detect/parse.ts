import { ts } from './ts.js';
import { declaresFlow, stripFlowTypes } from './flow-types.js';
import { setParentPointers } from './parent-pointers.js';

export function scriptKindOf(fileName: string): ts.ScriptKind {
  const extension = fileName.slice(fileName.lastIndexOf('.')).toLowerCase();
  switch (extension) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.TS;
  }
}

const JAVASCRIPT_EXTENSION = /\.(?:[cm]?js|jsx)$/i;

/**
 * Parse a file for detection. A JavaScript file in Flow (`// @flow`, or one TypeScript's parser
 * cannot read but Flow's can) is read with its type syntax blanked out (flow-types.ts).
 */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  const javaScript = JAVASCRIPT_EXTENSION.test(fileName);
  const flowText = javaScript && declaresFlow(text) ? stripFlowTypes(text) : undefined;
  const sourceFile = parseText(fileName, flowText ?? text);
  if (!javaScript || flowText !== undefined || syntaxErrors(sourceFile).length === 0) return sourceFile;
  const stripped = stripFlowTypes(text);
  if (stripped === undefined) return sourceFile;
  const retried = parseText(fileName, stripped);
  return syntaxErrors(retried).length === 0 ? retried : sourceFile;
}

function parseText(fileName: string, text: string): ts.SourceFile {
  // Detection reads comments as text (annotations, suppressions), never JSDoc nodes: skip building them.
  const sourceFile = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindOf(fileName));
  depths.set(sourceFile, setParentPointers(sourceFile));
  return sourceFile;
}

const depths = new WeakMap<ts.SourceFile, number>();

/** How deeply a tree parseSource made nests (the source file is level 0). */
export function nestingDepth(sourceFile: ts.SourceFile): number {
  return depths.get(sourceFile) ?? 0;
}

/** Syntax errors the parser recovered from; a file with any is not analysed. */
export function syntaxErrors(sourceFile: ts.SourceFile): ts.DiagnosticWithLocation[] {
  return ((sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? []).filter(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
  );
}
