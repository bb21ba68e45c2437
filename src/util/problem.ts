/** A place in a file, 1-based line and column (as editors and SARIF count). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A user-facing problem with a file, such as a manifest error: where, what, and what would be right. */
export interface Problem extends SourcePosition {
  /** Key path inside a structured file, e.g. `categories[2].uses[0].purposes`. */
  path?: string;
  message: string;
}

/**
 * A mistake the user can fix (bad flag, missing file, invalid manifest or config).
 * The CLI prints it without a stack trace and exits with code 2.
 */
export class UserError extends Error {
  readonly problems: readonly Problem[];

  constructor(message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'UserError';
    this.problems = problems;
  }
}

export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.path ? `${where}  ${problem.path}: ${problem.message}` : `${where}  ${problem.message}`;
}
