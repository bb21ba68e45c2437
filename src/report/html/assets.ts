/** The report's stylesheet: no web fonts, no images, readable on screen and on paper. */
export const REPORT_CSS = `
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0550ae;
  --error: #b42318; --warning: #8a5a00; --note: #0b5cad; --ok: #1a7f37; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: #fff; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
p, ul, dl { margin: .5rem 0; }
a { color: var(--accent); }
code { font: .9em/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: .05em .3em; border-radius: 4px; overflow-wrap: break-word; }
.meta, .muted, .desc { color: var(--muted); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
nav ol { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; list-style: none; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .93rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
tbody th { font-weight: normal; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: .75rem; margin: 1rem 0; }
.tiles > div { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; }
.tiles dt { color: var(--muted); font-size: .85rem; }
.tiles dd { margin: 0; font-size: 1.7rem; font-weight: 650; }
.tiles .tile-error dd { color: var(--error); }
.tiles .tile-warning dd { color: var(--warning); }
.tiles .tile-note dd { color: var(--note); }
.sev, .badge { display: inline-block; border: 1px solid currentColor; border-radius: 999px; padding: 0 .5em; font-size: .82rem; white-space: nowrap; }
.sev-error { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-note { color: var(--note); }
.status-both, .consent-checked { color: var(--ok); }
.status-collected-only, .consent-missing { color: var(--error); }
.status-declared-only, .consent-not-required, .consent-not-evaluated { color: var(--muted); }
.badge.kind-vendor, .badge.kind-host, .badge.kind-unresolved { border-style: dashed; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
#findings-table { table-layout: fixed; }
#findings-table col.col-severity { width: 7.5rem; }
#findings-table col.col-rule { width: 12rem; }
#findings-table col.col-place { width: 15rem; }
#findings-table td { overflow-wrap: anywhere; }
pre.snippet { margin: .45rem 0 0; padding: .35rem .5rem; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; font: .82rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.snippet code { background: none; padding: 0; font: inherit; }
pre.snippet mark { background: #fff8c5; color: inherit; }
pre.snippet .ln { color: var(--muted); margin-right: .9em; user-select: none; }
.not-judged { margin: 1rem 0; padding: .4rem 1rem; border: 1px solid #d4a72c; border-left-width: 5px; border-radius: 8px; background: #fff8e6; }
.not-judged h3 { margin: .3rem 0; }
.origin { color: var(--muted); font-size: .85em; }
.finding-links a { margin-right: .35rem; }
.map { overflow-x: auto; margin: .5rem 0; }
.map svg { width: 100%; min-width: 40rem; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.map .node rect { fill: #fff; stroke: #6e7781; stroke-width: 1.2; }
.map .node.cat rect { fill: #ddf4ff; stroke: #54aeff; }
.map .node.purpose rect { fill: #fbefff; stroke: #c297ff; }
.map .node.recipient rect { fill: #dafbe1; stroke: #4ac26b; }
.map .node.dashed rect { stroke-dasharray: 4 3; fill: #fff8c5; stroke: #bf8700; }
.map .node text { fill: var(--fg); }
.map .head { font-weight: 700; fill: var(--muted); }
.map path { fill: none; stroke: #8c959f; stroke-opacity: .6; stroke-width: 1.6; }
.map .edge rect.label { fill: #fbefff; stroke: #c297ff; }
.map .edge.sev-error path { stroke: #cf222e; stroke-opacity: .8; stroke-width: 2.2; }
.map .edge.sev-warning path { stroke: #bf8700; stroke-opacity: .8; stroke-width: 2; }
.map .edge.sev-note path { stroke: #0969da; stroke-opacity: .5; }
.map .purposes { font-size: 11.5px; fill: var(--fg); }
.map .purposes .origin { font-weight: 600; fill: var(--muted); font-size: 11px; }
.map .badge circle { fill: #0969da; }
.map .badge.sev-error circle { fill: #cf222e; }
.map .badge.sev-warning circle { fill: #bf8700; }
.map .badge text { fill: #fff; font-size: 10.5px; font-weight: 700; }
.map .dim { opacity: .15; }
.legend { font-size: .88rem; color: var(--muted); }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: end; margin: .5rem 0; padding: .6rem .8rem; background: var(--soft); border: 1px solid var(--line); border-radius: 8px; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
form.filters select, form.filters input, form.filters button { font: inherit; padding: .2rem .4rem; max-width: 16rem; }
.filter-status { font-size: .9rem; }
tr:target, section:target > h3 { outline: 3px solid #ffd33d; }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: .75rem; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  nav, form.filters, .skip { display: none !important; }
  h2 { break-after: avoid; }
  h3, h4 { break-after: avoid; }
  tr, .tiles > div { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  a.external::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); }
  .map svg { min-width: 0; }
}
`;

/**
 * Filters for the findings (category, recipient, file, severity, rule, free text), which also dim
 * the data map's lines and boxes the category or recipient filter leaves out. Plain JavaScript with no framework; the
 * form is `hidden` in the HTML and shown here, so without JavaScript the page shows everything and
 * no controls. It only toggles `hidden` on existing rows: it builds no HTML.
 */
export const REPORT_SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  var FEW_FINDINGS = 5;
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr'));
  var mapItems = Array.prototype.slice.call(document.querySelectorAll('#data-map svg .edge, #data-map svg .node'));
  function words(element, name) { return (element.getAttribute(name) || '').split(' '); }
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.category[data-category]'));
  var status = document.getElementById('filter-status');
  var empty = document.getElementById('findings-empty');
  function value(name) { var field = form.elements.namedItem(name); return field ? field.value : ''; }
  function apply() {
    var category = value('category'), recipient = value('recipient'), file = value('file'), severity = value('severity'), rule = value('rule');
    var query = value('q').trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var match = (!category || words(row, 'data-category').indexOf(category) >= 0) &&
        (!recipient || words(row, 'data-recipient').indexOf(recipient) >= 0) &&
        (!file || row.getAttribute('data-file') === file) &&
        (!severity || row.getAttribute('data-severity') === severity) &&
        (!rule || row.getAttribute('data-rule') === rule) &&
        (!query || row.textContent.toLowerCase().indexOf(query) >= 0);
      row.hidden = !match;
      if (match) shown += 1;
    });
    sections.forEach(function (section) {
      section.hidden = Boolean(category) && section.getAttribute('data-category') !== category;
    });
    mapItems.forEach(function (item) {
      var itemCategory = item.getAttribute('data-category'), itemRecipient = item.getAttribute('data-recipient');
      var left = (category && itemCategory !== null && itemCategory !== category) || (recipient && itemRecipient !== null && itemRecipient !== recipient);
      item.classList.toggle('dim', Boolean(left));
    });
    if (status) status.textContent = shown === rows.length ? 'Showing all ' + rows.length + ' findings.' : 'Showing ' + shown + ' of ' + rows.length + ' findings.';
    if (empty) empty.hidden = shown !== 0;
  }
  form.addEventListener('change', apply);
  form.addEventListener('input', apply);
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  // A few findings read at a glance: the controls would take more room than the table.
  if (rows.length <= FEW_FINDINGS) return;
  form.hidden = false;
  apply();
})();
`;
