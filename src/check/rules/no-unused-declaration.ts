import type { Inventory } from '../../link/inventory.js';
import type { RecipientDeclaration } from '../../manifest/types.js';
import { categoryCovers } from '../../taxonomy/index.js';
import type { PolicyContext } from '../policy.js';
import { destinationHosts } from '../policy.js';
import type { Draft, RuleInput } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'no-unused-declaration',
  defaultSeverity: 'note',
  description: 'The manifest declares a category or recipient that the code never collects or uses.',
  rationale: 'Either the policy over-claims (a declaration can be dropped) or the scan misses a collection (worth a look).',
  needsManifest: true,
  perFile: false,
  precision: 'medium',
  securitySeverity: '1.0',
  eslintType: 'suggestion',
});

export const messages = {
  unusedCategory: (data: { category: string }) => ({
    message: `The manifest declares ${data.category}, but no scanned code collects it.`,
    help: 'Fix: remove the declaration if the policy over-claims, or check that the code that collects it is scanned.',
  }),
  unusedRecipient: (data: { recipient: string; packages: string[]; hasDomains: boolean }) => ({
    message: `The manifest lists recipient "${data.recipient}", but no scanned code imports its packages${data.hasDomains ? ' or sends personal data to its domains' : ''}.`,
    help: `Its packages: ${data.packages.join(', ')}. Fix: remove the recipient if the app no longer uses it, or check its package names.`,
  }),
};

const report = reporter(meta, messages);

/** What the manifest declares and no scanned code collects or uses: findings located in the manifest. */
export function check({ inventory, policy }: RuleInput): Draft[] {
  const manifest = policy.manifest;
  if (!manifest) return [];
  const file = policy.options.manifestFile ?? policy.manifestName;
  const out: Draft[] = [];
  const collected = new Set(inventory.collections.map((site) => site.category));
  for (const use of inventory.sdks) {
    for (const category of policy.sdk(use.sdk)?.collects ?? []) collected.add(category);
  }
  for (const declaration of manifest.categories) {
    if ([...collected].some((category) => categoryCovers(declaration.id, category))) continue;
    out.push(report('unusedCategory', { file, ...point(declaration.at), category: declaration.id }, { category: declaration.id }));
  }
  for (const recipient of manifest.recipients) {
    if (recipient.packages.length === 0) continue; // data reaches it by other means; nothing to look for in code
    if (isUsed(recipient, inventory, policy)) continue;
    out.push(report('unusedRecipient', { file, ...point(recipient.at) }, { recipient: recipient.id, packages: recipient.packages, hasDomains: recipient.domains.length > 0 }));
  }
  return out;
}

/**
 * A recipient is used when code imports one of its packages: as an SDK, or as a catalogued source
 * module (expo-notifications hands the push token to Expo's push service); or when code sends
 * personal data to one of its domains.
 */
function isUsed(recipient: RecipientDeclaration, inventory: Inventory, policy: PolicyContext): boolean {
  return (
    inventory.sdks.some((use) => policy.recipientMatches(recipient, use.package, use.sdk)) ||
    inventory.flows.some((flow) => {
      if (flow.sink.kind !== 'network' || !flow.sink.destination) return false;
      return destinationHosts(flow.sink.destination).some((host) => {
        const owner = policy.hostOwner(host);
        return owner.kind === 'recipient' && owner.recipient.id === recipient.id;
      });
    }) ||
    inventory.collections.some((site) => {
      const module = sourceModuleOf(site.api);
      return module !== undefined && policy.recipientMatches(recipient, module, '');
    })
  );
}

/**
 * The module of a catalogued API id (`expo-notifications#getExpoPushTokenAsync`); undefined for
 * globals (`navigator.geolocation.getCurrentPosition`) and for server requests (`request#ip`).
 */
function sourceModuleOf(api: string): string | undefined {
  const hash = api.indexOf('#');
  if (hash <= 0) return undefined;
  const module = api.slice(0, hash);
  return module === 'request' ? undefined : module;
}

function point(at: { line: number; column: number }) {
  return { line: at.line, column: at.column, endLine: at.line, endColumn: at.column };
}
