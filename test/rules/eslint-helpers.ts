// Run the plugin the way `eslint .` does (the ESLint class, flat config) over a project on disk,
// and read back privlint's messages per file.
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../rules/index.js';

export interface LintedMessage {
  line: number;
  column: number;
  ruleId: string | null;
  fatal: boolean;
  message: string;
}

/** ESLint over `root` with privlint's recommended config: TypeScript through @typescript-eslint/parser, JavaScript through espree. */
export async function lintProject(root: string, patterns = ['src']): Promise<Record<string, LintedMessage[]>> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser as unknown as Linter.Parser } },
      { files: ['**/*.{js,jsx}'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
      plugin.configs.recommended as unknown as Linter.Config,
    ],
  });
  const results = await eslint.lintFiles(patterns);
  return Object.fromEntries(
    results.map((result) => [
      path.relative(root, result.filePath).split(path.sep).join('/'),
      result.messages.map(({ line, column, ruleId, fatal, message }) => ({ line, column, ruleId, fatal: fatal === true, message })),
    ]),
  );
}
