// The plugin object as ESLint and users see it: every per-file rule exported and documented, the
// configs as documented (recommended mirrors privlint scan's default severities), rule metadata.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../../rules/index.js';
import { RULES } from '../../src/check/rules.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const perFile = RULES.filter((meta) => meta.perFile).map((meta) => meta.id);
const exported = Object.keys(rules);
const eslintLevel = { error: 'error', warning: 'warn', note: 'warn' } as const;

describe('the privlint ESLint plugin', () => {
  it('exports exactly the per-file rules of src/check/rules.ts (whole-program rules stay in privlint scan)', () => {
    expect([...exported].sort()).toEqual([...perFile].sort());
    expect(plugin.rules).toBe(rules);
    expect(exported).not.toContain('no-unused-declaration');
  });

  it('has meta name, version and namespace', () => {
    expect(plugin.meta).toEqual({ name: 'privlint', version: pkg.version, namespace: 'privlint' });
  });

  it('is what package.json exports as privlint/eslint-plugin', () => {
    expect(pkg.exports['./eslint-plugin']).toEqual({ types: './dist/rules/index.d.ts', default: './dist/rules/index.js' });
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/rules', 'dist/src']));
    expect(pkg.peerDependencies.eslint).toBe('^9 || ^10');
  });

  for (const id of exported) {
    describe(id, () => {
      const rule = rules[id as keyof typeof rules];
      const meta = RULES.find((candidate) => candidate.id === id)!;

      it(`has a docs page docs/rules/${id}.md`, () => {
        const page = path.join(REPO_ROOT, 'docs/rules', `${id}.md`);
        expect(existsSync(page), `docs/rules/${id}.md is missing`).toBe(true);
        expect(readFileSync(page, 'utf8')).toContain(id);
      });

      it('has meta.type, meta.docs (description, url, recommended), messages, schema and defaultOptions', () => {
        expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
        expect(rule.meta.docs?.description).toBe(meta.description);
        expect(rule.meta.docs?.url).toMatch(new RegExp(`/rules/${id}\\.md$`));
        expect(rule.meta.docs?.url).toBe(meta.docsUrl);
        expect(rule.meta.docs?.recommended).toBe(true);
        expect(rule.meta.schema).toEqual([]);
        expect(rule.meta.defaultOptions).toEqual([]);
        expect(rule.defaultOptions).toEqual([]);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThanOrEqual(2);
        expect(rule.meta.messages).toHaveProperty('setupError');
        expect(rule.meta.fixable).toBe(meta.fixable ? 'code' : undefined);
      });

      it(`is in recommended at its default severity (${meta.defaultSeverity} → ${eslintLevel[meta.defaultSeverity]}) and in strict as error`, () => {
        expect(plugin.configs.recommended!.rules).toHaveProperty([`privlint/${id}`], eslintLevel[meta.defaultSeverity]);
        expect(plugin.configs.strict!.rules).toHaveProperty([`privlint/${id}`], 'error');
      });
    });
  }

  it('fixes only what is certain (a misspelt purpose with one close id, an unused suppression); suggests the rest', () => {
    const fixable = Object.entries(rules).filter(([, rule]) => rule.meta.fixable).map(([id]) => id);
    expect(fixable.sort()).toEqual(['declared-purpose', 'no-unused-suppression']);
    const suggesting = Object.entries(rules).filter(([, rule]) => rule.meta.hasSuggestions).map(([id]) => id);
    expect(suggesting.sort()).toEqual(['require-consent-check', 'require-purpose']);
  });

  it('recommended and strict configure exactly the exported rules, with the plugin registered as privlint', () => {
    for (const name of ['recommended', 'strict'] as const) {
      const config = plugin.configs[name]!;
      expect(Object.keys(config.rules!).sort()).toEqual(exported.map((id) => `privlint/${id}`).sort());
      expect(config.plugins!.privlint).toBe(plugin);
      expect(config.name).toBe(`privlint/${name}`);
      expect(config.files, `${name} applies to whatever files the user's config lints`).toBeUndefined();
    }
  });

  it('flat/recommended is the same object as recommended', () => {
    expect(plugin.configs['flat/recommended']).toBe(plugin.configs.recommended);
  });

  it('the README rules table lists every rule with its default severity', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const meta of RULES) {
      expect(readme).toMatch(new RegExp(`\\[\`${meta.id}\`\\]\\(docs/rules/${meta.id}\\.md\\) \\| ${meta.defaultSeverity} \\|`));
    }
  });
});
