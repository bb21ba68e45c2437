// Each rule's docs page says what the rule reports and shows it (as typescript-eslint's docs.test
// does): its first paragraph is the rule's meta description, its header line says what the meta
// says, and its examples hold — every code block under "❌" gets the rule's finding, none under "✅"
// or "Not reported" does — linted with the ESLint plugin (the scan, for a rule the plugin does not
// have), against the page's manifest and config.
//
// How a page's examples are read:
// - under "## Examples", before the first "###": the manifest (a `yaml` block) and the config (`json`);
// - a `yaml` block with `version:` in a section is the manifest for that section's code from then on;
// - a code block whose first line is `// src/…` is that file; the others are src/example-<n>.<ext>;
// - a block with no import of its own gets the page's imports and top-level declarations first
//   (examples are fragments of the first one);
// - `<!-- docs-test: context -->` on the line before a block: a file the others need, not itself an example;
// - `<!-- docs-test: scan (why) -->`: an example the editor does not see (the page says why), checked with the scan.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';
import { RULES } from '../../src/check/rules.js';
import type { RuleMeta } from '../../src/check/rule-meta.js';
import { resetEditorSessions } from '../../src/editor/session.js';
import { scan } from '../../src/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

interface Block {
  lang: string;
  code: string;
  context: boolean;
  scanOnly: boolean;
}

interface Section {
  title: string;
  expect: 'reported' | 'clean';
  blocks: Block[];
}

interface Examples {
  manifest?: string;
  config?: string;
  sections: Section[];
}

const CODE = new Set(['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs']);

function readPage(id: string): string {
  return readFileSync(path.join(REPO_ROOT, 'docs/rules', `${id}.md`), 'utf8');
}

/** The blocks of the page's "## Examples" part, by section. */
function examplesOf(markdown: string): Examples {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line === '## Examples');
  const out: Examples = { sections: [] };
  if (start < 0) return out;
  let section: Section | undefined;
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^## /.test(line)) break;
    if (/^### /.test(line)) {
      const title = line.slice(4);
      section = { title, expect: title.startsWith('❌') ? 'reported' : 'clean', blocks: [] };
      out.sections.push(section);
      continue;
    }
    const fence = /^```(\w*)\s*$/.exec(line);
    if (!fence) continue;
    const end = lines.findIndex((candidate, at) => at > index && candidate.startsWith('```'));
    const code = lines.slice(index + 1, end).join('\n');
    const context = /<!-- docs-test: context -->/.test(lines[index - 1] ?? '');
    const scanOnly = /<!-- docs-test: scan \(.+\) -->/.test(lines[index - 1] ?? '');
    const lang = fence[1] ?? '';
    if (!section) {
      if (lang === 'yaml' && /^version:/m.test(code)) out.manifest = code;
      if (lang === 'json') out.config = code;
    } else {
      section.blocks.push({ lang, code, context, scanOnly });
    }
    index = end;
  }
  return out;
}

/** The imports of every block, and the top-level declarations that open the first one. */
function preambleOf(examples: Examples): string {
  const blocks = examples.sections.flatMap((section) => section.blocks).filter((block) => CODE.has(block.lang));
  const imports = [...new Set(blocks.flatMap((block) => block.code.split('\n').filter((line) => /^import\s/.test(line))))];
  const opening: string[] = [];
  for (const line of blocks[0]?.code.split('\n') ?? []) {
    if (/^import\s/.test(line) || line.trim() === '' || line.startsWith('//')) continue;
    if (!/^(const|let|var|declare)\s/.test(line)) break;
    opening.push(line);
  }
  return [...imports, ...opening].join('\n');
}

const fileNamed = (code: string) => /^\/\/ (src\/[\w./-]+\.(?:ts|tsx|js|jsx|mjs|cjs))\b/.exec(code)?.[1];
const importsSomething = (code: string) => /^\s*import\s|require\(/m.test(code);

/** A project with the section's manifest, config and files; the example files to check, by path. */
function projectFor(examples: Examples, section: Section) {
  let manifest = examples.manifest;
  const files: Record<string, string> = { 'package.json': JSON.stringify({ name: 'docs-example', private: true }) };
  const checked: string[] = [];
  const scanOnly: string[] = [];
  const preamble = preambleOf(examples);
  let count = 0;
  for (const block of section.blocks) {
    if (block.lang === 'yaml' && /^version:/m.test(block.code)) manifest = block.code;
    if (!CODE.has(block.lang)) continue;
    const named = fileNamed(block.code);
    const file = named ?? `src/example-${++count}.${block.lang}`;
    files[file] = named || importsSomething(block.code) ? block.code : `${preamble}\n${block.code}`;
    if (block.scanOnly) scanOnly.push(file);
    else if (!block.context) checked.push(file);
  }
  if (manifest) files['privacy-manifest.yaml'] = manifest;
  if (examples.config) files['privlint.config.json'] = examples.config;
  files['src/privacy.ts'] ??= 'export async function hasConsent(key: string): Promise<boolean> {\n  return key.length > 0;\n}\n';
  return { root: writeProject(files), checked, scanOnly };
}

/** The rule's findings per checked file: the ESLint plugin's, or the scan's for a rule the plugin does not have. */
async function findingsPerFile(meta: RuleMeta, root: string, checked: readonly string[], scanOnly: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!meta.perFile || scanOnly.length > 0) {
    const findings = scan({ cwd: root }).findings.filter((finding) => finding.ruleId === meta.id);
    const where = (file: string) => findings.filter((finding) => finding.file === file).map((finding) => `${finding.line} ${finding.message}`);
    if (!meta.perFile) out.set('*', findings.map((finding) => `${finding.file}:${finding.line} ${finding.message}`));
    else for (const file of scanOnly) out.set(file, where(file));
    if (!meta.perFile) return out;
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'], languageOptions: { parser: tsParser as unknown as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      { plugins: { privlint: plugin as never }, rules: { [`privlint/${meta.id}`]: 'error' } },
      { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    ],
  });
  for (const file of checked) {
    const [result] = await eslint.lintFiles([path.join(root, file)]);
    const fatal = result!.messages.filter((message) => message.fatal);
    expect(fatal, `${file} does not parse`).toEqual([]);
    out.set(file, result!.messages.filter((message) => message.ruleId === `privlint/${meta.id}`).map((message) => `${message.line}:${message.column} ${message.message}`));
  }
  return out;
}

describe('the rules\' docs pages', () => {
  beforeEach(() => resetEditorSessions());

  for (const meta of RULES) {
    describe(meta.id, () => {
      const page = readPage(meta.id);
      const paragraphs = page.split(/\n\s*\n/);

      it('opens with the rule\'s meta: severity, manifest, where it is reported, and its description as the first sentence', () => {
        expect(paragraphs[0]).toBe(`# privlint/${meta.id}`);
        const header = paragraphs[1]!.replace(/\s+/g, ' ');
        expect(header).toMatch(new RegExp(`^\\*\\*Default severity:\\*\\* ${meta.defaultSeverity} · \\*\\*Needs a manifest:\\*\\* ${meta.needsManifest ? 'yes' : 'no'}\\b`));
        expect(header).toContain(meta.perFile ? '**Reported in:** editor and scan' : '**Reported in:** scan only');
        const description = paragraphs[2]!.replace(/\s+/g, ' ').replace(/`/g, '').trim();
        expect(description.startsWith(meta.description), `the first paragraph starts with "${meta.description}"`).toBe(true);
      });

      const examples = examplesOf(page);
      it('has examples of what it reports and what it does not', () => {
        expect(examples.sections.some((section) => section.expect === 'reported' && section.blocks.some((block) => CODE.has(block.lang)))).toBe(true);
        expect(examples.sections.some((section) => section.expect === 'clean')).toBe(true);
      });

      for (const section of examples.sections.filter((candidate) => candidate.blocks.some((block) => CODE.has(block.lang)))) {
        it(`${section.title}: ${section.expect === 'reported' ? 'every example gets the rule\'s finding' : 'no example gets the rule\'s finding'}`, async () => {
          const { root, checked, scanOnly } = projectFor(examples, section);
          const findings = await findingsPerFile(meta, root, checked, scanOnly);
          expect(findings.size, 'the section has examples to check').toBeGreaterThan(0);
          for (const [file, found] of findings) {
            if (section.expect === 'reported') expect(found.length, `${file} should get a ${meta.id} finding`).toBeGreaterThan(0);
            else expect(found, `${file} should get no ${meta.id} finding`).toEqual([]);
          }
        });
      }
    });
  }
});
