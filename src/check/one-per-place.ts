import { compareText } from '../util/order.js';
import type { FindingPart, Fix, TextEdit } from './finding.js';
import type { Draft, RuleModule, Written } from './rule-module.js';

/** A rule's finding at one place before its severity and fingerprint: what it says, and its parts when several. */
export type PlacedDraft = Omit<Draft, 'data'> & Written & { parts?: FindingPart[] };

/**
 * One finding per rule per place. The drafts a rule reports at one place (file, line, column) are
 * ordered by their kinds' importance — the order of the rule's messages — then by what they are
 * about (category, API, package), and those of one kind
 * whose data differ only in their `subjects` (the categories, the data sent) become one message
 * listing them all. The first message leads; the others follow in the help ("Also here: …", with their fix).
 */
export function onePerPlace(module: RuleModule, drafts: readonly Draft[]): PlacedDraft[] {
  const groups = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const key = `${draft.file}\0${draft.line}\0${draft.column}`;
    groups.set(key, [...(groups.get(key) ?? []), draft]);
  }
  return [...groups.values()].map((group) => (group.length === 1 ? written(module, group[0]!) : merged(module, group)));
}

function written(module: RuleModule, draft: Draft): PlacedDraft {
  const { data: _data, ...place } = draft;
  return { ...place, ...write(module, draft.kind, draft.data) };
}

function merged(module: RuleModule, group: readonly Draft[]): PlacedDraft {
  const importance = Object.keys(module.messages);
  const about = (draft: Draft) => [draft.category ?? '', draft.api ?? '', draft.package ?? ''].join('\0');
  const ordered = [...group].sort((a, b) => importance.indexOf(a.kind) - importance.indexOf(b.kind) || compareText(about(a), about(b)));
  // Drafts of one kind with the same data but for their subjects say one thing about several subjects.
  const sentences = new Map<string, { kind: string; data: object }>();
  for (const draft of ordered) {
    const { subjects, ...rest } = draft.data as { subjects?: unknown[] };
    const key = `${draft.kind}\0${JSON.stringify(subjects === undefined ? draft.data : rest)}`;
    const earlier = sentences.get(key);
    if (!earlier) sentences.set(key, { kind: draft.kind, data: draft.data });
    else if (subjects) earlier.data = { ...earlier.data, subjects: uniqueJson([...(earlier.data as { subjects: unknown[] }).subjects, ...subjects]) };
  }
  const [lead, ...others] = [...sentences.values()].map((sentence) => write(module, sentence.kind, sentence.data));
  // The others in full: what else is wrong here, and its fix (a residency rule of another region needs another route).
  const also = [...new Set(others.map((other) => `${other.message} ${other.help}`))].map((text) => ` Also here: ${text}`).join('');
  const { data: _data, fix: _fix, ...place } = ordered[0]!;
  const fix = combinedFix(ordered.map((draft) => draft.fix));
  return { ...place, ...(fix ? { fix } : {}), message: lead!.message, help: `${lead!.help}${also}`, parts: ordered.map(partOf) };
}

/** The parts' certain fixes as one: every edit once, none overlapping an earlier one. */
function combinedFix(fixes: readonly (Fix | undefined)[]): Fix | undefined {
  const present = fixes.filter((fix): fix is Fix => fix !== undefined);
  if (present.length === 0) return undefined;
  const edits: TextEdit[] = [];
  for (const edit of present.flatMap((fix) => fix.edits)) {
    if (edits.some((kept) => kept.file === edit.file && overlaps(kept, edit))) continue;
    edits.push(edit);
  }
  return { description: [...new Set(present.map((fix) => fix.description))].join(' '), edits };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (x: { line: number; column: number }, y: { line: number; column: number }) => x.line < y.line || (x.line === y.line && x.column <= y.column);
  return !(before({ line: a.endLine, column: a.endColumn }, b) || before({ line: b.endLine, column: b.endColumn }, a));
}

function partOf(draft: Draft): FindingPart {
  return {
    kind: draft.kind,
    ...(draft.category !== undefined ? { category: draft.category } : {}),
    ...(draft.package !== undefined ? { package: draft.package } : {}),
    ...(draft.api !== undefined ? { api: draft.api } : {}),
    ...(draft.via ? { via: draft.via } : {}),
    ...(draft.flow ? { flow: draft.flow } : {}),
  };
}

function write(module: RuleModule, kind: string, data: object): Written {
  const message = module.messages[kind];
  if (!message) throw new Error(`${module.meta.id}: no message for kind ${kind}`);
  return message(data);
}

function uniqueJson<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
