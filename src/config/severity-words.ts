import type { SeverityOverride } from './types.js';

/**
 * The levels a config may write for a rule: privlint's own words and ESLint's (`"warn"`, `0`, `1`,
 * `2`), so a team can copy levels between privlint.config.json and its ESLint config.
 */
export const SEVERITY_WORDS: Readonly<Record<string, SeverityOverride>> = {
  error: 'error',
  warning: 'warning',
  note: 'note',
  off: 'off',
  warn: 'warning',
  0: 'off',
  1: 'warning',
  2: 'error',
};

/** Every accepted value, as the schema lists them: strings, then ESLint's numbers. */
export const SEVERITY_VALUES: readonly (string | number)[] = ['error', 'warning', 'note', 'off', 'warn', 0, 1, 2];

/** privlint's word for an accepted level (the schema has already refused anything else). */
export function normalizeSeverity(value: string | number): SeverityOverride {
  const word = SEVERITY_WORDS[String(value)];
  if (!word) throw new Error(`unknown severity ${JSON.stringify(value)}`);
  return word;
}
