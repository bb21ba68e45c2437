/**
 * Run `work` with the process's working folder and environment set to `cwd` and `env`, restored
 * after. For running a command in-process as if another process had started it (privlint serve
 * answering a client; the test suite). Code behind defaults reads `process.cwd()` and `process.env`,
 * so the process takes them for the time: callers run one such piece of work at a time.
 */
export async function inPlace<T>(cwd: string, env: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const savedCwd = process.cwd();
  const savedEnv = { ...process.env };
  process.chdir(cwd);
  replaceEnvironment(env);
  try {
    return await work();
  } finally {
    process.chdir(savedCwd);
    replaceEnvironment(savedEnv);
  }
}

function replaceEnvironment(env: Record<string, string | undefined>): void {
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  for (const [name, value] of Object.entries(env)) if (value !== undefined) process.env[name] = value;
}
