import { entryOf, toPlain, type ObjectNode, type TreeNode } from '../structured/tree.js';
import type { SourcePosition } from '../util/problem.js';
import type {
  CategoryDeclaration,
  ConsentDeclaration,
  LegalBasis,
  Manifest,
  RecipientDeclaration,
  ResidencyRule,
  Retention,
  ShareDeclaration,
  UseDeclaration,
} from './types.js';

/** Turn a schema-valid manifest tree into the typed model, keeping each entry's position. */
export function buildManifest(root: ObjectNode, file: string): Manifest {
  const at = (node: TreeNode): SourcePosition => ({ file, line: node.line, column: node.column });
  const plain = (node: TreeNode | undefined, key: string): unknown => {
    const entry = entryOf(node, key);
    return entry ? toPlain(entry.value) : undefined;
  };
  const items = (node: TreeNode | undefined, key: string): TreeNode[] => {
    const entry = entryOf(node, key);
    return entry?.value.kind === 'array' ? entry.value.items : [];
  };
  const strings = (node: TreeNode | undefined, key: string): string[] => (plain(node, key) as string[] | undefined) ?? [];
  const optional = <T>(node: TreeNode | undefined, key: string): T | undefined => plain(node, key) as T | undefined;
  /** The position of an id value, so findings about an entry point at its id. */
  const idPosition = (node: TreeNode): SourcePosition => at(entryOf(node, 'id')?.value ?? node);

  const consents = new Map<string, ConsentDeclaration>();
  const consentsNode = entryOf(root, 'consents')?.value;
  if (consentsNode?.kind === 'object') {
    for (const entry of consentsNode.entries) {
      consents.set(entry.key, {
        key: entry.key,
        mode: optional(entry.value, 'mode')!,
        description: optional(entry.value, 'description'),
        ref: optional(entry.value, 'ref'),
        at: { file, line: entry.keyLine, column: entry.keyColumn },
      });
    }
  }

  const valueAt = (node: TreeNode, key: string): SourcePosition | undefined => {
    const entry = entryOf(node, key);
    return entry ? at(entry.value) : undefined;
  };
  const use = (node: TreeNode): UseDeclaration => ({
    purposes: strings(node, 'purposes'),
    basis: optional<LegalBasis>(node, 'basis')!,
    consent: optional(node, 'consent'),
    consentAt: valueAt(node, 'consent'),
    retention: optional<Retention>(node, 'retention'),
    description: optional(node, 'description'),
    ref: optional(node, 'ref'),
    at: at(node),
  });

  const categories: CategoryDeclaration[] = items(root, 'categories').map((node) => ({
    id: optional(node, 'id')!,
    description: optional(node, 'description'),
    uses: items(node, 'uses').map(use),
    retention: optional<Retention>(node, 'retention'),
    linkedToIdentity: optional<boolean>(node, 'linked_to_identity'),
    ref: optional(node, 'ref'),
    at: idPosition(node),
  }));

  const share = (node: TreeNode): ShareDeclaration => ({
    categories: strings(node, 'categories'),
    categoryPositions: items(node, 'categories').map(at),
    purposes: strings(node, 'purposes'),
    consent: optional(node, 'consent'),
    consentAt: valueAt(node, 'consent'),
    ref: optional(node, 'ref'),
    at: at(node),
  });

  const recipients: RecipientDeclaration[] = items(root, 'recipients').map((node) => ({
    id: optional(node, 'id')!,
    name: optional(node, 'name'),
    role: optional(node, 'role')!,
    packages: strings(node, 'packages'),
    domains: strings(node, 'domains'),
    policyUrl: optional(node, 'policy_url'),
    shares: items(node, 'shares').map(share),
    description: optional(node, 'description'),
    ref: optional(node, 'ref'),
    at: idPosition(node),
  }));

  const residency: ResidencyRule[] = items(root, 'residency').map((node) => ({
    id: optional(node, 'id')!,
    regions: strings(node, 'regions'),
    storeIn: strings(node, 'store_in'),
    transfer: optional(node, 'transfer'),
    endpoints: strings(node, 'endpoints'),
    categories: strings(node, 'categories'),
    description: optional(node, 'description'),
    ref: optional(node, 'ref'),
    at: idPosition(node),
  }));

  return {
    file,
    version: 1,
    app: optional(root, 'app')!,
    policy: optional(root, 'policy'),
    consents,
    categories,
    recipients,
    firstPartyDomains: strings(entryOf(root, 'first_party')?.value, 'domains'),
    residency,
    retention: optional(root, 'retention'),
  };
}
