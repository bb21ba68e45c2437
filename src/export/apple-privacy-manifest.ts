import type { Manifest, RecipientDeclaration, ShareDeclaration } from '../manifest/types.js';
import { categoryCovers, categoryEntry, purposeEntry } from '../taxonomy/index.js';
import { STORE_RULES, storeOrder } from '../taxonomy/store-rules.js';
import { leafCategories } from './coverage.js';

/** One entry of NSPrivacyCollectedDataTypes, with the privlint categories it comes from. */
export interface AppleCollectedDataType {
  type: string;
  linked: boolean;
  tracking: boolean;
  purposes: string[];
  categories: string[];
}

export interface ApplePrivacyDeclaration {
  tracking: boolean;
  trackingDomains: string[];
  dataTypes: AppleCollectedDataType[];
}

/**
 * The Apple privacy manifest a policy manifest implies (docs/store-declarations.md): each declared
 * category becomes its NSPrivacyCollectedDataType (parents stand for all their children), with
 * the Apple purposes of its uses and of the shares that carry it; linked unless the manifest says
 * `linked_to_identity: false`; tracking comes from shares with third parties for advertising
 * (src/taxonomy/store-rules.yaml).
 */
export function applePrivacyDeclaration(manifest: Manifest): ApplePrivacyDeclaration {
  const rules = STORE_RULES.apple;
  const tracks = (recipient: RecipientDeclaration, share: ShareDeclaration) =>
    rules.tracking.recipient_roles.includes(recipient.role) && share.purposes.some((purpose) => rules.tracking.purposes.includes(purpose));
  const trackingShares = manifest.recipients.flatMap((recipient) => recipient.shares.filter((share) => tracks(recipient, share)));
  const sharesOf = (category: string) => manifest.recipients.flatMap((recipient) => recipient.shares).filter((share) => share.categories.some((shared) => categoryCovers(shared, category)));

  const byType = new Map<string, { purposes: Set<string>; categories: Set<string>; tracking: boolean; linked: boolean }>();
  for (const declaration of manifest.categories) {
    for (const category of leafCategories(declaration.id)) {
      const type = categoryEntry(category)?.apple;
      if (!type) continue;
      const entry = byType.get(type) ?? { purposes: new Set<string>(), categories: new Set<string>(), tracking: false, linked: false };
      entry.categories.add(category);
      // A type is linked when any of its categories is: one linked identifier links them all.
      if (declaration.linkedToIdentity ?? rules.linked) entry.linked = true;
      const purposes = [...declaration.uses.flatMap((use) => use.purposes), ...sharesOf(category).flatMap((share) => share.purposes)];
      for (const purpose of purposes) {
        const apple = purposeEntry(purpose)?.apple;
        if (apple) entry.purposes.add(apple);
      }
      if (trackingShares.some((share) => share.categories.some((shared) => categoryCovers(shared, category)))) entry.tracking = true;
      byType.set(type, entry);
    }
  }

  const dataTypes = [...byType]
    .sort(([a], [b]) => storeOrder(rules.data_types, a) - storeOrder(rules.data_types, b) || a.localeCompare(b))
    .map(([type, entry]) => ({
      type,
      linked: entry.linked,
      tracking: entry.tracking,
      purposes: [...entry.purposes].sort((a, b) => storeOrder(rules.purposes, a) - storeOrder(rules.purposes, b) || a.localeCompare(b)),
      categories: [...entry.categories],
    }));
  const trackingRecipients = manifest.recipients.filter((recipient) => recipient.shares.some((share) => tracks(recipient, share)));
  const trackingDomains = [...new Set(trackingRecipients.flatMap((recipient) => recipient.domains.map((domain) => domain.replace(/^\*\./, '').toLowerCase())))].sort();
  return { tracking: dataTypes.some((type) => type.tracking), trackingDomains, dataTypes };
}

export interface AppleExportOptions {
  /** The manifest as the comment names it, e.g. "privacy-manifest.yaml". */
  manifestName?: string;
}

/** PrivacyInfo.xcprivacy as an XML property list, indented with tabs as Xcode writes it. */
export function formatApplePrivacyManifest(manifest: Manifest, options: AppleExportOptions = {}): string {
  const declaration = applePrivacyDeclaration(manifest);
  const source = options.manifestName ?? 'the policy manifest';
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    comment(`Drafted by privlint from ${source} (privlint export apple-privacy-manifest). Review it before you ship: see docs/store-declarations.md.`),
    comment('NSPrivacyAccessedAPITypes (required-reason APIs such as UserDefaults or file timestamps) is not here: privlint does not detect them. Keep the entries of your current PrivacyInfo.xcprivacy when you merge this file into it.'),
    '<dict>',
    '\t<key>NSPrivacyTracking</key>',
    `\t${bool(declaration.tracking)}`,
    '\t<key>NSPrivacyTrackingDomains</key>',
    ...array(declaration.trackingDomains.map((domain) => `<string>${escapeXml(domain)}</string>`), 1),
    '\t<key>NSPrivacyCollectedDataTypes</key>',
    ...array(
      declaration.dataTypes.map((type) =>
        [
          '<dict>',
          `\t${comment(`privlint categories: ${type.categories.join(', ')}`)}`,
          '\t<key>NSPrivacyCollectedDataType</key>',
          `\t<string>${escapeXml(type.type)}</string>`,
          '\t<key>NSPrivacyCollectedDataTypeLinked</key>',
          `\t${bool(type.linked)}`,
          '\t<key>NSPrivacyCollectedDataTypeTracking</key>',
          `\t${bool(type.tracking)}`,
          '\t<key>NSPrivacyCollectedDataTypePurposes</key>',
          ...array(type.purposes.map((purpose) => `<string>${escapeXml(purpose)}</string>`), 1),
          '</dict>',
        ].join('\n'),
      ),
      1,
    ),
    '</dict>',
    '</plist>',
  ];
  return `${out.join('\n')}\n`;
}

function array(items: string[], depth: number): string[] {
  const indent = '\t'.repeat(depth);
  if (items.length === 0) return [`${indent}<array/>`];
  return [`${indent}<array>`, ...items.map((item) => item.split('\n').map((line) => `${indent}\t${line}`).join('\n')), `${indent}</array>`];
}

const bool = (value: boolean) => (value ? '<true/>' : '<false/>');

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);
}

/** An XML comment; "--" may not appear inside one. */
function comment(text: string): string {
  return `<!-- ${text.replace(/-{2,}/g, (dashes) => dashes.split('').join(' ')).replace(/-$/, '- ')} -->`;
}
