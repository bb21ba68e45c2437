import type { RuleMeta } from './rule-meta.js';

export const RULES_TABLE_START = '<!-- The rules table is generated from src/check/rules/*.ts by `npm run docs`; edit the rules\' meta, not this table. -->';
export const RULES_TABLE_END = '<!-- end of the generated rules table -->';

/** The README's table of rules: id and docs page, default severity, manifest, where it is reported, description. */
export function renderRulesTable(rules: readonly RuleMeta[]): string {
  const where = (meta: RuleMeta) => (!meta.perFile ? 'scan' : meta.reportsFlows ? 'editor (one-file flows), scan' : 'editor, scan');
  return [
    '| Rule | Default | Needs a manifest | Where | What it reports |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((meta) => `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.defaultSeverity} | ${meta.needsManifest ? 'yes' : 'no'} | ${where(meta)} | ${meta.description.replace(/\|/g, '\\|')} |`),
  ].join('\n');
}

/** The README with its rules table (between the markers) replaced by the current one. */
export function withRulesTable(readme: string, rules: readonly RuleMeta[]): string {
  const start = readme.indexOf(RULES_TABLE_START);
  const end = readme.indexOf(RULES_TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md: the rules table markers are missing');
  return `${readme.slice(0, start + RULES_TABLE_START.length)}\n${renderRulesTable(rules)}\n${readme.slice(end)}`;
}
