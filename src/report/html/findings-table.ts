import { RULES } from '../../check/rules.js';
import { plural } from '../../util/plural.js';
import { esc, escWithCode } from './escape.js';
import { SEVERITIES, type FindingView, type ReportModel, type Snippet } from './model.js';
import { severity, sourceLink } from './parts.js';

/**
 * The findings: a filter form (category, recipient, file, severity, rule, free text; hidden until the
 * script shows it) and a table whose rows carry what the filters compare, each with the lines of
 * code it is about.
 */
export function findingsSection(model: ReportModel): string {
  const out = ['<section id="findings" aria-labelledby="findings-h">', '<h2 id="findings-h">Findings</h2>'];
  if (model.findings.length === 0) {
    out.push(`<p>${model.manifestPath ? 'No findings: the code and the policy agree, as far as privlint can see.' : 'No findings.'}</p>`, '</section>');
    return out.join('\n');
  }
  out.push(
    '<p>Each finding is a gap between what the code does and what the policy says, with what to do about it. Errors break a promise of the policy; warnings and notes ask for a look.</p>',
    filters(model),
    '<table id="findings-table">',
    `<caption>${plural(model.findings.length, 'finding')}, errors first</caption>`,
    '<colgroup><col class="col-severity"><col class="col-rule"><col class="col-place"><col></colgroup>',
    '<thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Place</th><th scope="col">What is wrong and what to do</th></tr></thead>',
    '<tbody>',
    ...model.findings.map((finding) => row(finding, model)),
    '</tbody>',
    '</table>',
    '<p id="findings-empty" hidden>No finding matches the filters.</p>',
    '</section>',
  );
  return out.join('\n');
}

function filters(model: ReportModel): string {
  const option = (value: string, label = value) => `<option value="${esc(value)}">${esc(label)}</option>`;
  const select = (name: string, label: string, all: string, options: string[]) => `<label>${label}<select name="${name}">${option('', all)}${options.join('')}</select></label>`;
  const matching = (test: (finding: FindingView) => boolean) => model.findings.filter(test).length;
  const rules = RULES.map((rule) => rule.id).filter((id) => model.findings.some((finding) => finding.ruleId === id));
  const extraRules = [...new Set(model.findings.map((finding) => finding.ruleId))].filter((id) => !rules.includes(id)).sort();
  const files = [...new Set(model.findings.map((finding) => finding.file))].sort();
  const recipients = model.recipients.filter((recipient) => model.findings.some((finding) => finding.recipients.includes(recipient.anchor)));
  return [
    '<form id="filters" class="filters" hidden aria-label="Filter the findings">',
    select('category', 'Data category', 'All categories', model.categories.map((category) => option(category.id, `${category.id} (${matching((finding) => filterCategories(finding).includes(category.id))})`))),
    select('recipient', 'Recipient', 'All recipients', recipients.map((recipient) => option(recipient.anchor, `${recipient.name} (${matching((finding) => finding.recipients.includes(recipient.anchor))})`))),
    select('file', 'File', 'All files', files.map((file) => option(file, `${file} (${matching((finding) => finding.file === file)})`))),
    select('severity', 'Severity', 'All severities', SEVERITIES.filter((level) => model.counts.findings[level] > 0).map((level) => option(level, `${level} (${model.counts.findings[level]})`))),
    select('rule', 'Rule', 'All rules', [...rules, ...extraRules].map((id) => option(id, `${id} (${matching((finding) => finding.ruleId === id)})`))),
    '<label>Search<input type="search" name="q" placeholder="API, package, message…" autocomplete="off"></label>',
    '<button type="reset">Show all</button>',
    '<p id="filter-status" class="filter-status" role="status" aria-live="polite"></p>',
    '</form>',
  ].join('\n');
}

function row(finding: FindingView, model: ReportModel): string {
  const where = finding.target ? `<a href="#${finding.target}">${esc(`${finding.file}:${finding.line}:${finding.column}`)}</a>` : esc(`${finding.file}:${finding.line}:${finding.column}`);
  const data = [
    `data-severity="${finding.severity}"`,
    `data-rule="${esc(finding.ruleId)}"`,
    `data-category="${esc(filterCategories(finding).join(' '))}"`,
    `data-recipient="${finding.recipients.join(' ')}"`,
    `data-file="${esc(finding.file)}"`,
  ].join(' ');
  const help = finding.help ? ` <span class="muted">${escWithCode(finding.help)}</span>` : '';
  return `<tr id="${finding.anchor}" ${data}><td>${severity(finding)}</td><td class="rule"><code>${esc(finding.ruleId)}</code></td><td class="place">${where}${sourceLink(finding, model)}</td><td class="message">${escWithCode(finding.message)}${help}${finding.snippet ? snippet(finding.snippet) : ''}</td></tr>`;
}

/** The categories the category filter finds a finding by: its own, and for an SDK finding what the SDK receives. */
function filterCategories(finding: FindingView): string[] {
  return [...new Set([...finding.categories, ...finding.receives])];
}

function snippet(lines: Snippet): string {
  const width = String(lines.first + lines.lines.length - 1).length;
  const shown = lines.lines.map((text, index) => {
    const number = lines.first + index;
    const gutter = `<span class="ln" aria-hidden="true">${String(number).padStart(width)}</span>`;
    return number === lines.line ? `<mark>${gutter}${esc(text)}</mark>` : `${gutter}${esc(text)}`;
  });
  return `<pre class="snippet" aria-label="${esc(`code around line ${lines.line}`)}"><code>${shown.join('\n')}</code></pre>`;
}
