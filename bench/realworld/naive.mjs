/**
 * The naive baseline: what a user gets for free with grep. One case-insensitive regular expression
 * of the obvious identifier names, run over every line of the files privlint scans, plus the import
 * lines of every package the repository's package.json files depend on. Each alternative of the
 * regex stands for a category family, so a flagged line can be scored like a privlint collection.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

/** Alternatives of the one regex, grouped by the family they suggest. */
const FAMILIES = {
  device: ['imei', 'imsi', 'serial_?number', 'mac_?address', 'android_?id', 'advertising_?id', 'idfa', 'idfv', 'gaid', 'device_?id', 'unique_?id', 'fingerprint', 'user_?agent', 'device_?info', 'push_?token', 'fcm_?token', 'device_?token'],
  network: ['ip_?address', 'remote_?address', 'x-forwarded-for', 'x-real-ip', 'client_?ip', 'ssid', 'carrier'],
  location: ['geolocation', 'latitude', 'longitude', 'coords', 'location'],
  contacts: ['contacts?'],
  messages: ['sms', 'call_?log'],
  apps: ['installed_?(?:apps|packages|applications)'],
  media: ['camera', 'photos?', 'microphone', 'image_?picker'],
  clipboard: ['clipboard'],
  health: ['health_?kit', 'google_?fit'],
  identity: ['e-?mail', 'phone', '(?:first|last|full|user)_?name', 'birth', 'postal', 'address', 'user_?id'],
  financial: ['card_?number', 'credit_?card', 'iban'],
  web: ['cookies?'],
};

const ALTERNATIVES = Object.entries(FAMILIES).flatMap(([family, words]) => words.map((word) => ({ family, word })));
/** The one regex; each alternative is a named group so the family of a match is known. */
export const NAIVE_REGEX = new RegExp(ALTERNATIVES.map(({ word }, index) => `(?<g${index}>${word})`).join('|'), 'gi');

/**
 * The families a line suggests (empty when the regex does not match it).
 * @param {string} line
 */
export function familiesOfLine(line) {
  /** @type {Set<string>} */
  const families = new Set();
  for (const match of line.matchAll(NAIVE_REGEX)) {
    const index = Object.entries(/** @type {Record<string, string | undefined>} */ (match.groups)).findIndex(([, value]) => value !== undefined);
    families.add(/** @type {{ family: string }} */ (ALTERNATIVES[index]).family);
  }
  return families;
}

/**
 * Every dependency named in the repository's package.json files (not node_modules).
 * @param {string} root
 */
export function dependencyNames(root) {
  /** @type {Set<string>} */
  const names = new Set();
  for (const file of fg.sync('**/package.json', { cwd: root, ignore: ['**/node_modules/**'], absolute: true })) {
    try {
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) for (const name of Object.keys(manifest[field] ?? {})) names.add(name);
    } catch {
      // A broken package.json names nothing.
    }
  }
  return names;
}

const IMPORT_SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/g;

/**
 * The naive tool's output for one repository, normalised as score.mjs expects. `files` are the
 * absolute paths privlint scans; `root` the repository's folder.
 * @param {string} root
 * @param {string[]} files
 * @returns {import('./score.mjs').Output}
 */
export function naiveOutput(root, files) {
  const dependencies = dependencyNames(root);
  /** @type {import('./score.mjs').Output['collections']} */
  const collections = [];
  /** @type {import('./score.mjs').Output['sdks']} */
  const sdks = [];
  const flagged = new Set();
  for (const absolute of files) {
    const file = path.relative(root, absolute).split(path.sep).join('/');
    let text;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch {
      continue;
    }
    text.split('\n').forEach((content, index) => {
      const line = index + 1;
      for (const family of familiesOfLine(content)) {
        collections.push({ file, line, category: family, via: [] });
        flagged.add(`${file}:${line}`);
      }
      for (const match of content.matchAll(IMPORT_SPECIFIER)) {
        const specifier = /** @type {string} */ (match[1]);
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : /** @type {string} */ (specifier.split('/')[0]);
        if (!dependencies.has(name)) continue;
        sdks.push({ file, line, package: name });
        flagged.add(`${file}:${line}`);
      }
    });
  }
  return { collections, sdks, flagged: flagged.size };
}
