/** Escape text for HTML content and attribute values: everything from user code goes through here. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"'`]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[char]!);
}

/** Escaped text with `code spans` (as privlint's messages write them) shown as <code>. */
export function escWithCode(value: string): string {
  const parts = value.split('`');
  if (parts.length % 2 === 0) return esc(value);
  return parts.map((part, index) => (index % 2 === 1 ? `<code>${esc(part)}</code>` : esc(part))).join('');
}

/** A URL that may become a link: http(s) only (a manifest's policy_url comes from the user). */
export function safeUrl(value: string | undefined): string | undefined {
  return value && /^https?:\/\/[^\s"'<>`]+$/i.test(value) ? value : undefined;
}
