/** The ids labels may use (LABELLING.md): the taxonomy's categories and the catalog issue's new ones, and the SDK kinds. */
export const LABEL_CATEGORIES = new Set([
  'device.id', 'device.push_token', 'device.android_id', 'device.advertising_id', 'device.imei', 'device.imsi', 'device.serial',
  'device.mac_address', 'device.fingerprint', 'device.info',
  'network.ip_address', 'network.wifi', 'network.carrier',
  'location.precise', 'location.coarse',
  'contacts', 'messages.sms', 'messages.call_log', 'apps.installed',
  'media.photos', 'media.camera', 'media.microphone', 'clipboard', 'health',
  'identity.account_id', 'identity.email', 'identity.phone', 'identity.name', 'identity.address', 'identity.birth_date', 'identity.government_id',
  'financial.payment_card', 'financial.bank_account',
  'web.cookies',
]);

/** The catalog's SDK kinds (src/catalog/kinds.ts). */
export const SDK_KINDS = new Set(['analytics', 'ads', 'attribution', 'crash', 'social', 'push', 'session-replay', 'support-chat', 'payments', 'feature-flags', 'marketing', 'maps', 'fraud-prevention', 'identity-verification', 'ai', 'other']);

/** `device.imei` → device; `contacts` → contacts. Scoring matches collections by family. */
export const familyOf = (/** @type {string} */ category) => category.split('.')[0];
