import { ESLintUtils } from '@typescript-eslint/utils';
import { DOCS_BASE_URL } from '../../src/util/package-info.js';

export interface PrivlintRuleDocs {
  /** In the `recommended` config. */
  recommended: boolean;
}

/** Every privlint rule links to its docs page, as typescript-eslint's rules do. */
export const createRule = ESLintUtils.RuleCreator<PrivlintRuleDocs>((name) => `${DOCS_BASE_URL}/rules/${name}.md`);
