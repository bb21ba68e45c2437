import { esc } from './escape.js';
import { NO_PURPOSE, purposeOrder, type ReportModel, type RecipientView } from './model.js';

const WIDTH = 960;
const NODE_WIDTH = 250;
const NODE_HEIGHT = 26;
const GAP = 10;
const TOP = 30;
/** Room for the boxes' borders at the edges. */
const MARGIN = 2;
const COLUMNS = [MARGIN, (WIDTH - NODE_WIDTH) / 2, WIDTH - NODE_WIDTH - MARGIN] as const;
const MAX_LABEL = 34;

interface Node {
  id: string;
  label: string;
  title: string;
  className: string;
  y: number;
}

/**
 * The data map as an inline SVG: data categories → the purposes the code states → who receives
 * the data. Drawn from the model's paths; the matrix table next to it says the same in words (the
 * SVG is the picture, the table the accessible equivalent). Dashed boxes: not named in the manifest.
 */
export function renderDataMap(model: ReportModel): string {
  const categoryIds = model.categories.filter((category) => category.status !== 'declared-only').map((category) => category.id);
  if (categoryIds.length === 0) return '';
  const recipientByKey = new Map(model.recipients.map((recipient) => [recipient.key, recipient]));
  const purposes = [...new Set([...model.collectedFor, ...model.paths].map((path) => path.purpose))].sort((a, b) => purposeOrder(a) - purposeOrder(b) || String(a).localeCompare(String(b)));
  const recipientKeys = model.recipients.map((recipient) => recipient.key).filter((key) => model.paths.some((path) => path.recipient === key));

  const column = <T>(items: T[], make: (item: T) => Omit<Node, 'y'>, height: number) => {
    const offset = TOP + (height - columnHeight(items.length)) / 2;
    return items.map((item, index) => ({ ...make(item), y: offset + index * (NODE_HEIGHT + GAP) }));
  };
  const height = columnHeight(Math.max(categoryIds.length, purposes.length, recipientKeys.length));
  const categoryNodes = column(categoryIds, (id) => ({ id, label: id, title: id, className: 'cat' }), height);
  const purposeNodes = column(
    purposes,
    (purpose) => ({ id: purpose ?? '', label: purpose ?? NO_PURPOSE, title: purpose ? `purpose: ${purpose}` : 'no purpose stated in the code', className: purpose ? 'purpose' : 'purpose dashed' }),
    height,
  );
  const recipientNodes = column(
    recipientKeys,
    (key) => {
      const recipient = recipientByKey.get(key)!;
      const undeclared = model.manifestPath !== undefined && (recipient.kind === 'vendor' || recipient.kind === 'host' || recipient.kind === 'unresolved');
      return { id: key, label: recipient.name, title: `${recipient.name}${recipientNote(recipient, model)}`, className: undeclared ? 'recipient dashed' : 'recipient' };
    },
    height,
  );

  const edges: string[] = [];
  const edge = (from: Node | undefined, to: Node | undefined, fromColumn: number, toColumn: number, count: number) => {
    if (!from || !to) return;
    const x1 = COLUMNS[fromColumn]! + NODE_WIDTH;
    const x2 = COLUMNS[toColumn]!;
    const y1 = from.y + NODE_HEIGHT / 2;
    const y2 = to.y + NODE_HEIGHT / 2;
    const middle = (x1 + x2) / 2;
    const width = Math.min(8, 1.5 + (count - 1) * 1.25);
    edges.push(`<path d="M${x1} ${y1} C${middle} ${y1}, ${middle} ${y2}, ${x2} ${y2}" stroke-width="${width.toFixed(2)}"><title>${esc(`${from.label} → ${to.label} (${count})`)}</title></path>`);
  };
  const tally = (pairs: [string, string][]) => {
    const counts = new Map<string, number>();
    for (const [a, b] of pairs) counts.set(`${a}\u0000${b}`, (counts.get(`${a}\u0000${b}`) ?? 0) + 1);
    return [...counts].map(([pair, count]) => [...pair.split('\u0000'), count] as [string, string, number]);
  };
  for (const [category, purpose, count] of tally(model.collectedFor.map((path) => [path.category, path.purpose ?? '']))) {
    edge(categoryNodes.find((node) => node.id === category), purposeNodes.find((node) => node.id === purpose), 0, 1, count);
  }
  for (const [purpose, recipient, count] of tally(model.paths.map((path) => [path.purpose ?? '', path.recipient]))) {
    edge(purposeNodes.find((node) => node.id === purpose), recipientNodes.find((node) => node.id === recipient), 1, 2, count);
  }

  const node = (item: Node, x: number) =>
    `<g class="node ${item.className}"><title>${esc(item.title)}</title><rect x="${x}" y="${item.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="5"/><text x="${x + 8}" y="${item.y + 17}">${esc(truncate(item.label))}</text></g>`;
  const totalHeight = TOP + height + 8;
  const description = `${categoryIds.length} data ${categoryIds.length === 1 ? 'category' : 'categories'}, ${purposes.length} ${purposes.length === 1 ? 'purpose' : 'purposes'}, ${recipientNodes.length} ${recipientNodes.length === 1 ? 'recipient' : 'recipients'}. The table "Who receives what" below gives the same information.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${totalHeight}" role="img" aria-labelledby="map-title map-desc">`,
    '<title id="map-title">Data map: data categories, the purposes the code states, and who receives the data</title>',
    `<desc id="map-desc">${esc(description)}</desc>`,
    `<text class="head" x="${COLUMNS[0]}" y="16">Data collected</text>`,
    `<text class="head" x="${COLUMNS[1]}" y="16">Purpose (in the code)</text>`,
    `<text class="head" x="${COLUMNS[2]}" y="16">Who receives it</text>`,
    '<g class="edges">',
    ...edges,
    '</g>',
    ...categoryNodes.map((item) => node(item, COLUMNS[0])),
    ...purposeNodes.map((item) => node(item, COLUMNS[1])),
    ...recipientNodes.map((item) => node(item, COLUMNS[2])),
    '</svg>',
  ].join('\n');
}

export function recipientNote(recipient: RecipientView, model: ReportModel): string {
  const declared = model.manifestPath !== undefined;
  switch (recipient.kind) {
    case 'recipient':
      return recipient.role === 'processor' ? ' (processor, in the policy)' : ' (third party, in the policy)';
    case 'vendor':
      return declared ? ' (SDK vendor, not in the policy)' : ' (SDK vendor)';
    case 'host':
      return declared ? ' (host, not in the policy)' : ' (host)';
    case 'first-party':
    case 'on-device':
      return '';
    case 'unresolved':
      return ' (destination unknown)';
  }
}

function columnHeight(count: number): number {
  return Math.max(1, count) * (NODE_HEIGHT + GAP) - GAP;
}

function truncate(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}
