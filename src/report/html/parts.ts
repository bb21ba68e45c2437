import { purposeEntry } from '../../taxonomy/index.js';
import { esc, safeUrl } from './escape.js';
import type { CategoryView, FindingView, Place, ReportModel } from './model.js';

// Small pieces of HTML the report's sections share.

const SEVERITY_MARK = { error: '✖', warning: '▲', note: 'ℹ' } as const;

export function severity(item: { severity: FindingView['severity'] }): string {
  return `<span class="sev sev-${item.severity}"><span aria-hidden="true">${SEVERITY_MARK[item.severity]}</span> ${item.severity}</span>`;
}

export function findingLinks(items: FindingView[]): string {
  return items.map((finding) => `<a href="#${finding.anchor}" title="${esc(`${finding.ruleId}: ${finding.message}`)}">${severity(finding)}<span class="muted"> ${esc(finding.ruleId)}</span></a>`).join(' ');
}

/** Purpose ids, each with its description as a tooltip. */
export function purposeList(purposes: readonly string[]): string {
  return purposes.map((purpose) => {
    const description = purposeEntry(purpose)?.description;
    return description ? `<span title="${esc(description)}">${esc(purpose)}</span>` : esc(purpose);
  }).join(', ');
}

export function categoryLink(category: CategoryView): string {
  return `<a href="#${category.anchor}"${category.description ? ` title="${esc(category.description)}"` : ''}><code>${esc(category.id)}</code></a>`;
}

export function place(at: Place, model: ReportModel): string {
  return `<code>${esc(`${at.file}:${at.line}`)}</code>${sourceLink(at, model)}`;
}

export function sourceLink(at: Place, model: ReportModel): string {
  const base = safeUrl(model.sourceUrl);
  if (!base || at.file.startsWith('../')) return '';
  const href = `${base}${at.file.split('/').map(encodeURIComponent).join('/')}#L${at.line}`;
  return ` <a class="source" href="${esc(href)}" aria-label="${esc(`source of ${at.file} line ${at.line}`)}">source</a>`;
}

export function link(url: string, text: string): string {
  const safe = safeUrl(url);
  return safe ? `<a class="external" href="${esc(safe)}" rel="noreferrer">${esc(text)}</a>` : esc(text);
}
