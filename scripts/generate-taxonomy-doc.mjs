// Writes docs/taxonomy.md from src/taxonomy/*.yaml, the single source of the mappings.
// `npm run docs` regenerates it; a test fails when the committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

/** @typedef {{ id: string, description?: string, apple?: string, play?: string, fideslang?: string }} TaxonomyEntry */

export function renderTaxonomyDoc() {
  /** @type {{ categories: TaxonomyEntry[] }} */
  const { categories } = parse(readFileSync('src/taxonomy/categories.yaml', 'utf8'));
  /** @type {{ purposes: TaxonomyEntry[] }} */
  const { purposes } = parse(readFileSync('src/taxonomy/purposes.yaml', 'utf8'));
  const cell = (/** @type {unknown} */ value) => (value ? String(value).replace(/\|/g, '\\|') : '—');
  const code = (/** @type {unknown} */ value) => (value ? `\`${value}\`` : '—');
  const lines = [
    '# Taxonomy: data categories and purposes',
    '',
    '<!-- Generated from src/taxonomy/categories.yaml and purposes.yaml by `npm run docs`. Edit those files, not this one. -->',
    '',
    'privlint names personal data with dotted, hierarchical **category** ids and the reasons for processing it with',
    '**purpose** ids. A manifest that declares a parent category (`device`) covers all its children (`device.imei` …).',
    'The tables map each id to the Apple privacy manifest (`PrivacyInfo.xcprivacy`), the Google Play Data safety form',
    'and [fideslang](https://ethyca.github.io/fideslang/), so that exports and reviewers can rely on one table.',
    '',
    '## Data categories',
    '',
    '| Category | Meaning | Apple `NSPrivacyCollectedDataType` | Google Play data type | fideslang category |',
    '| --- | --- | --- | --- | --- |',
    ...categories.map((entry) =>
      entry.apple
        ? `| \`${entry.id}\` | ${cell(entry.description)} | ${code(entry.apple)} | ${cell(entry.play)} | ${code(entry.fideslang)} |`
        : `| **\`${entry.id}\`** | ${cell(entry.description)} (parent: covers \`${entry.id}.*\`) | — | — | — |`,
    ),
    '',
    '## Purposes',
    '',
    '| Purpose | Meaning | Apple `NSPrivacyCollectedDataTypePurpose` | Google Play purpose | fideslang data use |',
    '| --- | --- | --- | --- | --- |',
    ...purposes.map(
      (entry) => `| \`${entry.id}\` | ${cell(entry.description)} | ${code(entry.apple)} | ${cell(entry.play)} | ${code(entry.fideslang)} |`,
    ),
    '',
    '## Notes on the mapping',
    '',
    '- Apple has no separate types for push tokens or hardware ids: all device-level identifiers map to',
    '  `NSPrivacyCollectedDataTypeDeviceID`. IP addresses map to coarse location, as Apple asks when they are used to',
    '  infer location; declare `device.id` as well if you use the IP address as an identifier.',
    '- Google Play counts IP addresses, Android ID, advertising ids, IMEI and similar under "Device or other IDs".',
    '- `diagnostics` (crash reporting) maps to Apple\'s App Functionality purpose and to Play\'s Analytics purpose,',
    '  as both stores direct crash reporting there; `fraud_prevention` and `legal_obligation` map to Apple\'s `Other`.',
    '- A hashed identifier is still the identifier\'s category: stores and data-protection law treat it as personal data.',
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('docs/taxonomy.md', renderTaxonomyDoc());
  console.log('wrote docs/taxonomy.md');
}
