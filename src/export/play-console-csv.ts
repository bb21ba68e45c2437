import type { Manifest } from '../manifest/types.js';
import { readBundledYaml } from '../util/data-file.js';
import { UserError } from '../util/problem.js';
import { formatCsv, parseCsv } from './csv.js';
import { playDataSafety, type PlayDataTypeAnswer } from './play-data-safety.js';

/** play-console-form.yaml: the layout of Play Console's Data safety CSV. */
interface Choice {
  response: string;
  text: string;
}
interface UsagePart {
  part: string;
  requirement: string;
}
export interface PlayConsoleForm {
  header: string[];
  general: { question: string; response?: string; requirement: string; label: string }[];
  data_types: { question: string; response: string; play: string; label?: string }[];
  usage: {
    question: string;
    label: string;
    collected_or_shared: UsagePart & { collected: Choice; shared: Choice };
    ephemeral: UsagePart & { text: string };
    user_control: UsagePart & { optional: Choice; required: Choice };
    collection_purpose: UsagePart & { text: string };
    sharing_purpose: UsagePart & { text: string };
  };
  purposes: { response: string; play: string }[];
}

export const PLAY_CONSOLE_FORM = readBundledYaml('./play-console-form.yaml', import.meta.url) as PlayConsoleForm;

/** One row of the file: question id, response id, value, answer requirement, label. */
export type PlayConsoleRow = [question: string, response: string, value: string, requirement: string, label: string];

export const COLLECTS_PERSONAL_DATA = 'PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA';
const TRUE = 'TRUE';

/**
 * Every row of the Data safety form, answered from the manifest where a manifest can answer:
 * whether the app collects data, which data types, collected and/or shared, optional or required,
 * and the purposes. The security, account and deletion questions and "processed ephemerally" stay
 * empty: a manifest does not say (docs/store-declarations.md).
 */
export function playConsoleRows(manifest: Manifest, form: PlayConsoleForm = PLAY_CONSOLE_FORM): PlayConsoleRow[] {
  const answers = new Map(playDataSafety(manifest).map((answer) => [answer.playType, answer]));
  const unmapped = [...answers.keys()].filter((playType) => !form.data_types.some((type) => type.play === playType));
  // A taxonomy value without a row would silently drop a data type from the declaration.
  if (unmapped.length > 0) throw new Error(`play-console-form.yaml has no data type for ${unmapped.join(', ')}`);

  const rows: PlayConsoleRow[] = form.general.map((question) => [
    question.question,
    question.response ?? '',
    question.question === COLLECTS_PERSONAL_DATA ? (answers.size > 0 ? TRUE : 'FALSE') : '',
    question.requirement,
    question.label,
  ]);
  for (const type of form.data_types) rows.push([type.question, type.response, answers.has(type.play) ? TRUE : '', 'MULTIPLE_CHOICE', type.label ?? type.play]);
  for (const type of form.data_types) rows.push(...usageRows(type, answers.get(type.play), form));
  return rows;
}

function usageRows(type: PlayConsoleForm['data_types'][number], answer: PlayDataTypeAnswer | undefined, form: PlayConsoleForm): PlayConsoleRow[] {
  const { usage } = form;
  const name = (type.label ?? type.play).split(' / ').pop()!;
  const question = (part: string) => usage.question.replace('{type}', type.response).replace('{part}', part);
  const label = (text: string) => usage.label.replace('{name}', name).replace('{text}', text);
  const yes = (value: boolean | undefined) => (value ? TRUE : '');
  const row = (part: UsagePart, response: string, value: string, text: string): PlayConsoleRow => [question(part.part), response, value, part.requirement, label(text)];

  const { collected_or_shared: both, ephemeral, user_control: control, collection_purpose: collection, sharing_purpose: sharing } = usage;
  return [
    row(both, both.collected.response, yes(answer?.collected), both.collected.text),
    row(both, both.shared.response, yes(answer?.shared), both.shared.text),
    row(ephemeral, '', '', ephemeral.text),
    row(control, control.optional.response, yes(answer && answer.optional), control.optional.text),
    row(control, control.required.response, yes(answer && !answer.optional), control.required.text),
    ...form.purposes.map((purpose) => row(collection, purpose.response, yes(answer?.collectionPurposes.includes(purpose.play)), collection.text.replace('{purpose}', purpose.play))),
    ...form.purposes.map((purpose) => row(sharing, purpose.response, yes(answer?.sharingPurposes.includes(purpose.play)), sharing.text.replace('{purpose}', purpose.play))),
  ];
}

/** The Data safety CSV in the layout Play Console's "Import from CSV" reads (CRLF line ends, as RFC 4180 has them). */
export function formatPlayConsoleCsv(manifest: Manifest): string {
  return formatCsv([PLAY_CONSOLE_FORM.header, ...playConsoleRows(manifest)], '\r\n');
}

export interface FilledTemplate {
  text: string;
  /** Rows whose value privlint set (it answers them all, TRUE or empty). */
  answered: number;
  /** Answers privlint has that the template has no row for: Google changed the form. */
  missing: { question: string; response: string; value: string }[];
}

/**
 * Fill a CSV exported from Play Console: privlint's answers replace the values of the rows it
 * answers (the data types and how each is used; whether the app collects data); every other row,
 * such as the security and account answers, is kept as it is.
 */
export function fillPlayConsoleTemplate(templateText: string, manifest: Manifest, templateName: string): FilledTemplate {
  const { rows, lineEnd } = parseCsv(templateText);
  const header = rows[0] ?? [];
  const expected = PLAY_CONSOLE_FORM.header;
  if (header.length < 3 || header[0] !== expected[0] || header[1] !== expected[1] || header[2] !== expected[2]) {
    throw new UserError(`${templateName}:1: not a Data safety CSV exported from Play Console: the first line should start with "${expected.slice(0, 3).join(',')}"`);
  }
  const answers = new Map<string, string>();
  for (const [question, response, value] of playConsoleRows(manifest)) {
    const general = PLAY_CONSOLE_FORM.general.some((entry) => entry.question === question) && question !== COLLECTS_PERSONAL_DATA;
    if (!general) answers.set(`${question}\u0000${response}`, value);
  }
  const seen = new Set<string>();
  const filled = rows.map((row, index) => {
    if (index === 0) return row;
    const key = `${row[0] ?? ''}\u0000${row[1] ?? ''}`;
    const value = answers.get(key);
    if (value === undefined) return row;
    seen.add(key);
    const copy = [...row];
    while (copy.length < 3) copy.push('');
    copy[2] = value;
    return copy;
  });
  const missing = [...answers]
    .filter(([key, value]) => value !== '' && !seen.has(key))
    .map(([key, value]) => {
      const [question, response] = key.split('\u0000') as [string, string];
      return { question, response, value };
    });
  return { text: formatCsv(filled, lineEnd), answered: seen.size, missing };
}
