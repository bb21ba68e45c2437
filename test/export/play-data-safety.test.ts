// `privlint export play-data-safety`: the CSV Play Console imports (the default), the readable
// table (--format table), filling a Console-exported template (--template), against hand-written
// expected files for the reference manifest and a fixture app.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/export/csv.js';
import { fillPlayConsoleTemplate, formatPlayConsoleCsv, PLAY_CONSOLE_FORM, playConsoleRows } from '../../src/export/play-console-csv.js';
import { formatPlayDataSafetyTable } from '../../src/export/play-data-safety.js';
import { loadManifest, parseManifest } from '../../src/manifest/load.js';
import type { Manifest } from '../../src/manifest/types.js';
import { CATEGORIES, PURPOSES } from '../../src/taxonomy/index.js';
import { REPO_ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const expected = (name: string) => readFileSync(path.join(REPO_ROOT, 'test/export/expected', name), 'utf8');
const xiaomi = () => loadManifest(path.join(REPO_ROOT, 'fixtures/policies/xiaomi.yaml'));
const HEADER = 'Question ID (machine readable),Response ID (machine readable),Response value,Answer requirement,Human-friendly question label';

function manifestFrom(yaml: string): Manifest {
  const result = parseManifest(yaml, path.join(REPO_ROOT, 'privacy-manifest.yaml'));
  if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`).join('\n'));
  return result.manifest;
}

/** The rows privlint answered (a value), as the hand-written *.answers.csv files list them. */
function answeredRows(csv: string): string {
  const { rows } = parseCsv(csv);
  return rows.filter((row, index) => index === 0 || row[2] !== '').map((row) => row.map((cell) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\n') + '\n';
}

/** The Console file read back as the table's facts, to compare both formats. */
function typesIn(csv: string) {
  const { rows } = parseCsv(csv);
  const value = (question: string, response: string) => rows.find((row) => row[0] === question && row[1] === response)?.[2] === 'TRUE';
  const purposeLabel = new Map(PLAY_CONSOLE_FORM.purposes.map((purpose) => [purpose.response, purpose.play]));
  return PLAY_CONSOLE_FORM.data_types
    .filter((type) => value(type.question, type.response))
    .map((type) => {
      const usage = (part: string) => rows.filter((row) => row[0] === `PSL_DATA_USAGE_RESPONSES:${type.response}:${part}` && row[2] === 'TRUE').map((row) => row[1]);
      return {
        type: type.play,
        collected: usage('PSL_DATA_USAGE_COLLECTION_AND_SHARING').includes('PSL_DATA_USAGE_ONLY_COLLECTED'),
        shared: usage('PSL_DATA_USAGE_COLLECTION_AND_SHARING').includes('PSL_DATA_USAGE_ONLY_SHARED'),
        control: usage('DATA_USAGE_USER_CONTROL'),
        collection: usage('DATA_USAGE_COLLECTION_PURPOSE').map((id) => purposeLabel.get(id!)),
        sharing: usage('DATA_USAGE_SHARING_PURPOSE').map((id) => purposeLabel.get(id!)),
      };
    });
}

describe('the Play Console CSV (the default)', () => {
  it('has the header and every row of the form: 22 general questions, 38 data types, 19 questions about each', () => {
    const { rows, lineEnd } = parseCsv(formatPlayConsoleCsv(xiaomi()));
    expect(lineEnd).toBe('\r\n');
    expect(rows[0]!.join(',')).toBe(HEADER);
    expect(rows).toHaveLength(1 + 22 + 38 + 38 * 19);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    expect(rows.slice(23, 61).map((row) => `${row[0]} ${row[1]}`)).toEqual(PLAY_CONSOLE_FORM.data_types.map((type) => `${type.question} ${type.response}`));
    const name = rows.slice(61, 80).map((row) => `${row[0]} ${row[1]} ${row[3]}`);
    expect(name).toEqual([
      'PSL_DATA_USAGE_RESPONSES:PSL_NAME:PSL_DATA_USAGE_COLLECTION_AND_SHARING PSL_DATA_USAGE_ONLY_COLLECTED MULTIPLE_CHOICE',
      'PSL_DATA_USAGE_RESPONSES:PSL_NAME:PSL_DATA_USAGE_COLLECTION_AND_SHARING PSL_DATA_USAGE_ONLY_SHARED MULTIPLE_CHOICE',
      'PSL_DATA_USAGE_RESPONSES:PSL_NAME:PSL_DATA_USAGE_EPHEMERAL  MAYBE_REQUIRED',
      'PSL_DATA_USAGE_RESPONSES:PSL_NAME:DATA_USAGE_USER_CONTROL PSL_DATA_USAGE_USER_CONTROL_OPTIONAL SINGLE_CHOICE',
      'PSL_DATA_USAGE_RESPONSES:PSL_NAME:DATA_USAGE_USER_CONTROL PSL_DATA_USAGE_USER_CONTROL_REQUIRED SINGLE_CHOICE',
      ...['PSL_APP_FUNCTIONALITY', 'PSL_ANALYTICS', 'PSL_DEVELOPER_COMMUNICATIONS', 'PSL_FRAUD_PREVENTION_SECURITY', 'PSL_ADVERTISING', 'PSL_PERSONALIZATION', 'PSL_ACCOUNT_MANAGEMENT'].map(
        (id) => `PSL_DATA_USAGE_RESPONSES:PSL_NAME:DATA_USAGE_COLLECTION_PURPOSE ${id} MULTIPLE_CHOICE`,
      ),
      ...['PSL_APP_FUNCTIONALITY', 'PSL_ANALYTICS', 'PSL_DEVELOPER_COMMUNICATIONS', 'PSL_FRAUD_PREVENTION_SECURITY', 'PSL_ADVERTISING', 'PSL_PERSONALIZATION', 'PSL_ACCOUNT_MANAGEMENT'].map(
        (id) => `PSL_DATA_USAGE_RESPONSES:PSL_NAME:DATA_USAGE_SHARING_PURPOSE ${id} MULTIPLE_CHOICE`,
      ),
    ]);
  });

  it('answers only what a manifest says: the security, account and ephemeral questions stay empty', () => {
    const { rows } = parseCsv(formatPlayConsoleCsv(xiaomi()));
    expect(rows[1]).toEqual(['PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA', '', 'TRUE', 'REQUIRED', 'Does your app collect or share any of the required user data types?']);
    expect(rows.slice(2, 23).map((row) => row[2])).toEqual(Array(21).fill(''));
    expect(rows.filter((row) => row[0]!.endsWith(':PSL_DATA_USAGE_EPHEMERAL')).map((row) => row[2])).toEqual(Array(38).fill(''));
    expect(new Set(rows.slice(1).map((row) => row[2]))).toEqual(new Set(['', 'TRUE']));
  });

  it('says the same as the hand-written table for the reference manifest', () => {
    const table = parseCsv(expected('xiaomi.data-safety.table.csv')).rows.slice(1);
    const split = (cell: string) => (cell ? cell.split('; ') : []);
    const byType = (a: { type: string }, b: { type: string }) => a.type.localeCompare(b.type);
    expect(typesIn(formatPlayConsoleCsv(xiaomi())).sort(byType)).toEqual(
      table.map((row) => ({
        type: `${row[0]} / ${row[1]}`,
        collected: row[2] === 'Yes',
        shared: row[3] === 'Yes',
        control: [row[5] === 'Optional' ? 'PSL_DATA_USAGE_USER_CONTROL_OPTIONAL' : 'PSL_DATA_USAGE_USER_CONTROL_REQUIRED'],
        // The Console file lists purposes in the form's order, the table in store-rules.yaml's.
        collection: PLAY_CONSOLE_FORM.purposes.map((purpose) => purpose.play).filter((purpose) => split(row[6]!).includes(purpose)),
        sharing: PLAY_CONSOLE_FORM.purposes.map((purpose) => purpose.play).filter((purpose) => split(row[7]!).includes(purpose)),
      })).sort(byType),
    );
  });

  it('answers a manifest that declares nothing with FALSE to the first question and nothing else', () => {
    const rows = playConsoleRows(manifestFrom('version: 1\napp: { name: Nothing }\ncategories: []\n'));
    expect(rows[0]![2]).toBe('FALSE');
    expect(rows.slice(1).every((row) => row[2] === '')).toBe(true);
  });

  it('has a row for every Play data type and purpose of the taxonomy', () => {
    const types = new Set(PLAY_CONSOLE_FORM.data_types.map((type) => type.play));
    const purposes = new Set(PLAY_CONSOLE_FORM.purposes.map((purpose) => purpose.play));
    expect(CATEGORIES.filter((entry) => entry.play && !types.has(entry.play)).map((entry) => entry.id)).toEqual([]);
    expect(PURPOSES.filter((entry) => entry.play && !purposes.has(entry.play)).map((entry) => entry.id)).toEqual([]);
    expect(new Set(PLAY_CONSOLE_FORM.data_types.map((type) => type.response)).size).toBe(38);
  });
});

describe('a fixture app (fixtures/apps/rn-shop)', () => {
  it('answers the rows of the hand-written file, and no others', async () => {
    const run = await runCli(['export', 'play-data-safety', 'fixtures/apps/rn-shop', '--quiet']);
    expect(run.status).toBe(0);
    expect(answeredRows(run.stdout)).toBe(expected('rn-shop.data-safety.answers.csv'));
  });

  it('writes the hand-written table with --format table', async () => {
    const run = await runCli(['export', 'play-data-safety', 'fixtures/apps/rn-shop', '--format', 'table', '--quiet']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expected('rn-shop.data-safety.table.csv'));
  });
});

describe('the table (--format table)', () => {
  it('matches the hand-written file for the reference manifest', () => {
    expect(formatPlayDataSafetyTable(xiaomi())).toBe(expected('xiaomi.data-safety.table.csv'));
  });

  it('keeps a spreadsheet from running a recipient name as a formula', () => {
    const manifest = manifestFrom(`version: 1
app: { name: X }
categories:
  - id: usage.events
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
recipients:
  - id: evil
    name: "=HYPERLINK(\\"http://x\\")"
    role: third_party
    shares: [{ categories: [usage.events], purposes: [analytics] }]
`);
    expect(formatPlayDataSafetyTable(manifest)).toContain(`,"'=HYPERLINK(""http://x"")",usage.events`);
  });
});

describe('--template: a CSV exported from Play Console', () => {
  const rnShop = () => loadManifest(path.join(REPO_ROOT, 'fixtures/apps/rn-shop/privacy-manifest.yaml'));

  it('keeps the answers privlint does not give and replaces the data-type section', () => {
    // A template as Play Console exports it: the security answers filled in, an old answer for a
    // data type the manifest does not declare, quoted labels, LF line ends and a BOM.
    const lines = formatPlayConsoleCsv(xiaomi()).split('\r\n');
    const template =
      '\uFEFF' +
      lines
        .map((line) => (line.startsWith('PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT,') ? line.replace(',,,', ',,TRUE,') : line))
        .map((line) => (line.startsWith('PSL_SUPPORT_DATA_DELETION_BY_USER,DATA_DELETION_YES,') ? line.replace('DATA_DELETION_YES,,', 'DATA_DELETION_YES,TRUE,') : line))
        .join('\n');
    const filled = fillPlayConsoleTemplate(template, rnShop(), 'exported.csv');
    const { rows, lineEnd } = parseCsv(filled.text);
    expect(lineEnd).toBe('\n');
    const value = (question: string, response = '') => rows.find((row) => row[0] === question && row[1] === response)?.[2];
    expect(value('PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT')).toBe('TRUE');
    expect(value('PSL_SUPPORT_DATA_DELETION_BY_USER', 'DATA_DELETION_YES')).toBe('TRUE');
    // xiaomi declared a name; rn-shop does not: its answers are cleared.
    expect(value('PSL_DATA_TYPES_PERSONAL', 'PSL_NAME')).toBe('');
    expect(value('PSL_DATA_USAGE_RESPONSES:PSL_NAME:PSL_DATA_USAGE_COLLECTION_AND_SHARING', 'PSL_DATA_USAGE_ONLY_COLLECTED')).toBe('');
    expect(answeredRows(filled.text.replace(/^.*PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT.*\n/m, '').replace(/^PSL_SUPPORT_DATA_DELETION_BY_USER,DATA_DELETION_YES.*\n/m, ''))).toBe(
      expected('rn-shop.data-safety.answers.csv'),
    );
    expect(filled.missing).toEqual([]);
  });

  it('reports answers whose rows the template lacks (Google changed the form)', () => {
    const template = formatPlayConsoleCsv(xiaomi())
      .split('\r\n')
      .filter((line) => !line.startsWith('PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:DATA_USAGE_SHARING_PURPOSE,PSL_ADVERTISING,'))
      .join('\r\n');
    const filled = fillPlayConsoleTemplate(template, rnShop(), 'exported.csv');
    expect(filled.missing).toEqual([{ question: 'PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:DATA_USAGE_SHARING_PURPOSE', response: 'PSL_ADVERTISING', value: 'TRUE' }]);
  });

  it('through the CLI: writes the filled file, warns about missing rows, rejects a file that is not a template', async () => {
    const folder = writeProject({
      'good.csv': formatPlayConsoleCsv(xiaomi()).replace(/\r\nPSL_DATA_TYPES_IDENTIFIERS,PSL_DEVICE_ID,[^\r]*/, ''),
      'bad.csv': 'Data category,Data type\nLocation,Precise location\n',
    });
    const good = await runCli(['export', 'play-data-safety', 'fixtures/apps/rn-shop', '--template', path.join(folder, 'good.csv'), '--output', path.join(folder, 'out.csv'), '--quiet']);
    expect(good.status).toBe(0);
    expect(good.stderr).toContain('has no row PSL_DATA_TYPES_IDENTIFIERS / PSL_DEVICE_ID for an answer privlint has');
    expect(parseCsv(readFileSync(path.join(folder, 'out.csv'), 'utf8')).rows).toHaveLength(782);

    const bad = await runCli(['export', 'play-data-safety', 'fixtures/apps/rn-shop', '--template', path.join(folder, 'bad.csv')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv:1: not a Data safety CSV exported from Play Console/);
    expect(bad.stderr).not.toMatch(STACK_TRACE);

    const table = await runCli(['export', 'play-data-safety', 'fixtures/apps/rn-shop', '--format', 'table', '--template', path.join(folder, 'good.csv')]);
    expect(table.status).toBe(2);
    expect(table.stderr).toContain('--template fills a Play Console CSV; it does not go with --format table');
    const format = await runCli(['export', 'play-data-safety', 'fixtures/apps/rn-shop', '--format', 'tabel']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be one of play-console, table; got "tabel"');
  });
});

describe('parseCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, and a last line without an end', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\nx,,z').rows).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['x', '', 'z'],
    ]);
    expect(parseCsv('a\r\nb\r\n').lineEnd).toBe('\r\n');
  });

  it('round-trips what privlint writes', () => {
    const text = formatPlayConsoleCsv(xiaomi());
    const file = path.join(writeProject({}), 'x.csv');
    writeFileSync(file, text);
    expect(parseCsv(readFileSync(file, 'utf8')).rows).toEqual([PLAY_CONSOLE_FORM.header, ...playConsoleRows(xiaomi())]);
  });
});
