/**
 * The kinds of third-party SDK the catalog knows (the `kind` of an entry in sdks.yaml), in the
 * order the catalog groups its entries, and the purposes (src/taxonomy/purposes.yaml) an SDK of
 * each kind usually serves. The purposes are a hint for a person filling in a manifest
 * (`privlint init` prints them next to a recipient's TODO), never a decision: the policy says why
 * it shares data. The schema (schema.ts) and the type SdkKind are derived from this list.
 */
export const SDK_KINDS = [
  'analytics',
  'ads',
  'attribution',
  'crash',
  'social',
  'push',
  'session-replay',
  'support-chat',
  'payments',
  'feature-flags',
  'marketing',
  'maps',
  'fraud-prevention',
  'identity-verification',
  'ai',
  'other',
] as const;

export type SdkKind = (typeof SDK_KINDS)[number];

export const SDK_KIND_PURPOSES: Readonly<Record<SdkKind, readonly string[]>> = {
  analytics: ['analytics'],
  // The taxonomy's `advertising` covers "showing or measuring ads, including ... attribution".
  ads: ['advertising'],
  attribution: ['advertising'],
  crash: ['diagnostics'],
  social: ['authentication'],
  push: ['notifications'],
  'session-replay': ['analytics'],
  // No support purpose in the taxonomy: Apple counts customer support as App Functionality.
  'support-chat': ['app_functionality'],
  // No payments/transactions purpose in the taxonomy: processing a purchase the user asked for is
  // App Functionality (Apple and Play alike); fraud screening by the provider is fraud_prevention.
  payments: ['app_functionality'],
  // Flags deliver features (app_functionality); experiments measure them (analytics).
  'feature-flags': ['app_functionality', 'analytics'],
  marketing: ['marketing'],
  // Maps and location services are features the user asked for; no location purpose exists.
  maps: ['app_functionality'],
  'fraud-prevention': ['fraud_prevention'],
  // The taxonomy's fraud_prevention includes "identity verification".
  'identity-verification': ['fraud_prevention'],
  // No AI purpose in the taxonomy: a model answering the user's request is App Functionality.
  ai: ['app_functionality'],
  other: [],
};
