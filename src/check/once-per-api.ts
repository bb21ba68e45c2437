import type { CatalogIndex } from '../catalog/match.js';
import type { CollectionSite } from '../link/inventory.js';
import type { Draft, Place } from './rule-module.js';

/** A collection finding that does not depend on the category: `once` says what makes it one. */
export type OnceDraft = Draft & { once?: string };

/**
 * An API that yields two categories at one place (getUniqueId: device.id, and device.android_id on
 * Android) is one missing annotation, one misspelt purpose, one missing consent check — not two:
 * reported once, for the API's own category. What depends on the category (undeclared, a purpose
 * not declared for it) stays per category.
 */
export function oncePerApi(drafts: readonly OnceDraft[], catalog: CatalogIndex): Draft[] {
  const out: Draft[] = [];
  const reported = new Map<string, number>();
  for (const { once, ...draft } of drafts) {
    if (once !== undefined) {
      const place = `${draft.kind}:${draft.file}:${draft.line}:${draft.column}:${draft.api}:${once}`;
      const earlier = reported.get(place);
      if (earlier !== undefined) {
        if (draft.category === catalog.primaryCategory(draft.api!)) out[earlier] = draft;
        continue;
      }
      reported.set(place, out.length);
    }
    out.push(draft);
  }
  return out;
}

/** Where a collection site is and what it is about, as its findings carry it. */
export function sitePlace(site: CollectionSite): Place {
  return { file: site.file, line: site.line, column: site.column, endLine: site.endLine, endColumn: site.endColumn, category: site.category, api: site.api, ...(site.via.length > 0 ? { via: site.via } : {}), ...(site.sentThrough ? { flow: site.sentThrough } : {}) };
}
