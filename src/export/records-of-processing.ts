import type { Catalog } from '../catalog/types.js';
import type { Manifest, Retention } from '../manifest/types.js';
import { buildReportModel } from '../report/html/model.js';
import type { ScanResult } from '../result/scan-result.js';
import { categoryCovers } from '../taxonomy/index.js';
import { compareByPlace } from '../util/order.js';
import { formatCsv, spreadsheetCell } from './csv.js';

export const RECORDS_HEADER = ['category', 'purpose', 'basis', 'recipient', 'retention', 'where in code'] as const;

/** One processing activity: a data category processed for one purpose. */
export interface ProcessingRecord {
  category: string;
  purpose: string;
  /** The legal basis the manifest gives, or "not declared" for data the code collects beyond it. */
  basis: string;
  /** Who receives it: recipients the manifest shares it with for this purpose, then those the code sends it to that the manifest does not. */
  recipients: string[];
  retention: string;
  /** Collection sites, `file:line`, in place order. */
  where: string[];
}

/** Written where the code collects a category the manifest does not declare, in place of a basis. */
export const NOT_DECLARED = 'not declared in the manifest';
/** Written for a purpose where the code states none. */
export const NO_PURPOSE = 'no purpose stated in the code';

/**
 * A record of processing activities (GDPR Art. 30) drafted from the manifest and the scan: one row
 * per declared category and purpose — its legal basis, recipients, retention, and the places in
 * the code that collect it for that purpose (or without stating one) — then one row per category
 * and purpose the code collects that the manifest does not declare, so the gaps show. Pure.
 */
export function recordsOfProcessing(result: ScanResult, manifest: Manifest, catalog?: Catalog): ProcessingRecord[] {
  const model = buildReportModel({ ...result, manifest }, catalog ? { catalog } : {});
  const sites = [...result.inventory.collections].sort(compareByPlace);
  const place = (site: { file: string; line: number }) => `${site.file}:${site.line}`;
  const sentTo = (category: string, purpose: string | undefined) =>
    model.edges
      .filter((edge) => categoryCovers(category, edge.category) && (purpose === undefined ? edge.codePurposes.length === 0 : edge.codePurposes.includes(purpose)))
      .map((edge) => model.recipients.find((recipient) => recipient.key === edge.recipient)!)
      .filter((recipient) => recipient.kind !== 'first-party' && recipient.kind !== 'on-device');
  const records: ProcessingRecord[] = [];
  // A category declared with the same purpose, basis and retention by two uses is one activity.
  const add = (record: ProcessingRecord) => {
    const same = records.find((other) => other.category === record.category && other.purpose === record.purpose && other.basis === record.basis && other.retention === record.retention);
    if (!same) records.push(record);
    else {
      same.recipients = unique([...same.recipients, ...record.recipients]);
      same.where = unique([...same.where, ...record.where]);
    }
  };

  for (const declaration of manifest.categories) {
    for (const use of declaration.uses) {
      for (const purpose of use.purposes) {
        const declared = manifest.recipients.filter((recipient) => recipient.shares.some((share) => share.purposes.includes(purpose) && share.categories.some((shared) => categoryCovers(shared, declaration.id) || categoryCovers(declaration.id, shared))));
        const names = declared.map((recipient) => recipient.name ?? recipient.id);
        for (const recipient of sentTo(declaration.id, purpose)) {
          if (recipient.kind === 'recipient' && declared.some((candidate) => candidate.id === recipient.id)) continue;
          const name = `${recipient.name} (in the code, not declared for this)`;
          if (!names.includes(name)) names.push(name);
        }
        // SDKs that collect the category on their own, for a recipient the manifest shares it with for this purpose.
        const sdkPlaces = model.categories
          .filter((category) => categoryCovers(declaration.id, category.id))
          .flatMap((category) => category.sdkCollectors)
          .filter((use) => declared.some((recipient) => use.recipientKey === `recipient:${recipient.id}`));
        const collected = sites.filter((site) => categoryCovers(declaration.id, site.category) && (site.purposes.length === 0 || site.purposes.includes(purpose)));
        add({
          category: declaration.id,
          purpose,
          basis: use.basis.replace(/_/g, ' '),
          recipients: names,
          retention: retentionText(use.retention ?? declaration.retention ?? manifest.retention),
          where: unique([...collected, ...sdkPlaces].sort(compareByPlace).map(place)),
        });
      }
    }
  }

  // What the code collects that no declaration covers: by category and stated purpose.
  const undeclared = sites.filter((site) => !manifest.categories.some((declaration) => categoryCovers(declaration.id, site.category)));
  const groups = new Map<string, { category: string; purpose: string | undefined; where: string[] }>();
  for (const site of undeclared) {
    for (const purpose of site.purposes.length > 0 ? site.purposes : [undefined]) {
      const key = `${site.category}\u0000${purpose ?? ''}`;
      const group = groups.get(key) ?? { category: site.category, purpose, where: [] };
      group.where.push(place(site));
      groups.set(key, group);
    }
  }
  for (const group of [...groups.values()].sort((a, b) => a.category.localeCompare(b.category) || (a.purpose ?? '~').localeCompare(b.purpose ?? '~'))) {
    add({
      category: group.category,
      purpose: group.purpose ?? NO_PURPOSE,
      basis: NOT_DECLARED,
      recipients: unique(sentTo(group.category, group.purpose).map((recipient) => recipient.name)),
      retention: '',
      where: unique(group.where),
    });
  }
  return records;
}

/** The records as RFC 4180 CSV (CRLF line ends), cells kept from formula evaluation in spreadsheets. */
export function formatRecordsCsv(records: readonly ProcessingRecord[]): string {
  const rows = records.map((record) => [record.category, record.purpose, record.basis, record.recipients.join('; '), record.retention, record.where.join(', ')]);
  return formatCsv([[...RECORDS_HEADER], ...rows], '\r\n', spreadsheetCell);
}

function retentionText(retention: Retention | undefined): string {
  if (!retention) return '';
  const { text, duration } = retention;
  return text && duration ? `${text} (${duration})` : (text ?? duration ?? '');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
