import type { SourcePosition } from '../util/problem.js';
import type { Proposal } from './proposals.js';

export type LegalBasis =
  | 'consent'
  | 'contract'
  | 'legitimate_interest'
  | 'legal_obligation'
  | 'vital_interest'
  | 'public_interest';

export interface Retention {
  text?: string;
  /** ISO 8601 duration, e.g. P30D. */
  duration?: string;
  ref?: string;
}

export interface ConsentDeclaration {
  key: string;
  /** opt-in: prior explicit consent; opt-out: collected until the user objects. */
  mode: 'opt-in' | 'opt-out';
  description?: string;
  ref?: string;
  at: SourcePosition;
}

export interface UseDeclaration {
  purposes: string[];
  basis: LegalBasis;
  /** The consent key code must check before this use. */
  consent?: string;
  /** Where the consent key is written. */
  consentAt?: SourcePosition;
  /** How long data for this use is kept (overrides the category's retention). */
  retention?: Retention;
  description?: string;
  ref?: string;
  at: SourcePosition;
}

export interface CategoryDeclaration {
  id: string;
  description?: string;
  uses: UseDeclaration[];
  retention?: Retention;
  /** `linked_to_identity`: false when the app de-identifies the data before collecting it (Apple's "not linked"). */
  linkedToIdentity?: boolean;
  ref?: string;
  at: SourcePosition;
}

export interface ShareDeclaration {
  categories: string[];
  /** Where each category is written, in the same order. */
  categoryPositions: SourcePosition[];
  purposes: string[];
  consent?: string;
  consentAt?: SourcePosition;
  ref?: string;
  at: SourcePosition;
}

export interface RecipientDeclaration {
  id: string;
  name?: string;
  role: 'processor' | 'third_party';
  packages: string[];
  domains: string[];
  policyUrl?: string;
  shares: ShareDeclaration[];
  description?: string;
  ref?: string;
  at: SourcePosition;
}

export interface ResidencyRule {
  id: string;
  regions: string[];
  storeIn: string[];
  transfer?: 'forbidden' | 'with_safeguards' | 'allowed';
  endpoints: string[];
  categories: string[];
  description?: string;
  ref?: string;
  at: SourcePosition;
}

/** A validated policy manifest (format version 1). */
export interface Manifest {
  /** Absolute path of the manifest file. */
  file: string;
  version: 1;
  app: { name: string; description?: string; ref?: string };
  policy?: { url: string; language?: string; date?: string; title?: string; ref?: string };
  consents: Map<string, ConsentDeclaration>;
  categories: CategoryDeclaration[];
  recipients: RecipientDeclaration[];
  firstPartyDomains: string[];
  residency: ResidencyRule[];
  retention?: Retention;
  /** Values `privlint init` proposed that nobody has confirmed yet (their `# privlint: proposed` comment is still there). */
  proposals?: Proposal[];
}
