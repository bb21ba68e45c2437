export interface RunActionOptions {
  /** The checked-out repository to scan (GITHUB_WORKSPACE); default the current folder. */
  workspace?: string;
  /** The action's checkout (GITHUB_ACTION_PATH); default this repository. */
  actionPath?: string;
  inputs?: Record<string, string>;
  /** github.event_name; default "push". */
  event?: string;
  /** github.repository; default "octo-org/octo-repo". */
  repository?: string;
  /** The pull request comes from another repository. */
  fork?: boolean;
  runnerTemp?: string;
  env?: Record<string, string | undefined>;
  stdio?: 'pipe' | 'inherit';
  /** Per step, in milliseconds. */
  timeout?: number;
}

export interface StepResult {
  name: string;
  id?: string;
  skipped: boolean;
  /** A `uses:` step, not run: the action and its evaluated `with:`. */
  uses?: string;
  with?: Record<string, string>;
  status?: number;
  stdout?: string;
  stderr?: string;
  outputs?: Record<string, string>;
  error?: string;
}

export interface ActionRun {
  /** The action's exit code: that of the first step that failed, else 0. */
  status: number;
  steps: StepResult[];
  outputs: Record<string, string>;
  /** What the steps wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
  runnerTemp: string;
}

export function runAction(options?: RunActionOptions): ActionRun;
export function inputVariable(name: string): string;
export function evaluate(expression: string, context: object, failed?: boolean): unknown;
