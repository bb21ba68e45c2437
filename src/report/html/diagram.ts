import { esc } from './escape.js';
import { worstSeverity, type MapEdge } from './map-edges.js';
import type { FindingView, ReportModel, RecipientView } from './model.js';

const WIDTH = 960;
const NODE_WIDTH = 230;
const NODE_HEIGHT = 26;
const NODE_GAP = 10;
/** An edge's label: two lines, the code's purposes and the manifest's. */
const LABEL_WIDTH = 340;
const LABEL_HEIGHT = 36;
const LABEL_GAP = 8;
const TOP = 30;
/** Room for the boxes' borders at the edges. */
const MARGIN = 2;
const CATEGORY_X = MARGIN;
const LABEL_X = (WIDTH - LABEL_WIDTH) / 2;
const RECIPIENT_X = WIDTH - NODE_WIDTH - MARGIN;
const MAX_NODE_LABEL = 31;
const MAX_PURPOSE_LINE = 46;

interface Box {
  y: number;
  height: number;
}

/**
 * The data map as an inline SVG: which data reaches which recipient. Data categories on the left,
 * recipients on the right, and for each category → recipient line a label in the middle with the
 * purposes the code's annotations give ("code") and those the manifest declares for that
 * recipient ("manifest"). Lines and boxes with findings carry a marker in the colour of the most
 * severe one. The "Who receives what" table says the same in words (the SVG is the picture, the
 * table the accessible equivalent). Dashed boxes: recipients the manifest does not name.
 */
export function renderDataMap(model: ReportModel): string {
  const categoryIds = model.categories.filter((category) => category.status !== 'declared-only').map((category) => category.id);
  // Nothing reaches anyone: the map would be boxes without lines; the page says so in words.
  if (categoryIds.length === 0 || model.edges.length === 0) return '';
  const recipients = model.recipients.filter((recipient) => model.edges.some((edge) => edge.recipient === recipient.key));
  const edges = model.edges;
  const height = Math.max(columnHeight(categoryIds.length, NODE_HEIGHT, NODE_GAP), columnHeight(edges.length, LABEL_HEIGHT, LABEL_GAP), columnHeight(recipients.length, NODE_HEIGHT, NODE_GAP));
  const column = (count: number, boxHeight: number, gap: number): Box[] => {
    const offset = TOP + (height - columnHeight(count, boxHeight, gap)) / 2;
    return Array.from({ length: count }, (_, index) => ({ y: offset + index * (boxHeight + gap), height: boxHeight }));
  };
  const categoryBoxes = new Map(column(categoryIds.length, NODE_HEIGHT, NODE_GAP).map((box, index) => [categoryIds[index]!, box]));
  const recipientBoxes = new Map(column(recipients.length, NODE_HEIGHT, NODE_GAP).map((box, index) => [recipients[index]!.key, box]));
  const labelBoxes = column(edges.length, LABEL_HEIGHT, LABEL_GAP);
  const recipientByKey = new Map(model.recipients.map((recipient) => [recipient.key, recipient]));

  const categoryNodes = categoryIds.map((id) => {
    const category = model.categories.find((candidate) => candidate.id === id)!;
    return node(categoryBoxes.get(id)!, CATEGORY_X, 'cat', id, id, category.findings, `data-category="${esc(id)}"`);
  });
  const recipientNodes = recipients.map((recipient) => {
    // Findings about the recipient, and about data reaching it.
    const findings = [...new Set([...recipient.findings, ...edges.filter((edge) => edge.recipient === recipient.key).flatMap((edge) => edge.findings)])];
    const undeclared = model.manifestPath !== undefined && (recipient.kind === 'vendor' || recipient.kind === 'host' || recipient.kind === 'unresolved');
    return node(recipientBoxes.get(recipient.key)!, RECIPIENT_X, undeclared ? 'recipient dashed' : 'recipient', recipient.name, `${recipient.name}${recipientNote(recipient, model)}`, findings, `data-recipient="${recipient.anchor}"`);
  });
  const edgeGroups = edges.map((edge, index) => edgeGroup(edge, categoryBoxes.get(edge.category)!, labelBoxes[index]!, recipientBoxes.get(edge.recipient)!, recipientByKey.get(edge.recipient)!, model));

  const totalHeight = TOP + height + 8;
  const description = `${categoryIds.length} data ${categoryIds.length === 1 ? 'category' : 'categories'}, ${recipients.length} ${recipients.length === 1 ? 'recipient' : 'recipients'}, ${edges.length} ${edges.length === 1 ? 'line' : 'lines'} from a category to a recipient. The table "Who receives what" below gives the same information.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${totalHeight}" role="img" aria-labelledby="map-title map-desc">`,
    '<title id="map-title">Data map: which data reaches which recipient, and for which purposes</title>',
    `<desc id="map-desc">${esc(description)}</desc>`,
    `<text class="head" x="${CATEGORY_X}" y="16">Data collected</text>`,
    `<text class="head" x="${LABEL_X}" y="16">Purposes: from the code · from the manifest</text>`,
    `<text class="head" x="${RECIPIENT_X}" y="16">Who receives it</text>`,
    ...edgeGroups,
    ...categoryNodes,
    ...recipientNodes,
    '</svg>',
  ].join('\n');
}

/** The two curves of a category → recipient line, and its label between them. */
function edgeGroup(edge: MapEdge, from: Box, label: Box, to: Box, recipient: RecipientView, model: ReportModel): string {
  const severity = worstSeverity(edge.findings);
  const labelMiddle = label.y + label.height / 2;
  const code = edge.codePurposes.length > 0 ? edge.codePurposes.join(', ') : edge.how.includes('flow') ? 'none stated' : '— (collected by the SDK on its own)';
  const manifest = edge.manifestPurposes.length > 0 ? edge.manifestPurposes.join(', ') : noManifestPurpose(recipient);
  const title = `${edge.category} → ${recipient.name}. Purposes from the code: ${code}; from the manifest: ${model.manifestPath ? manifest : 'no manifest'}${edge.findings.length > 0 ? `; ${findingCount(edge.findings)}` : ''}`;
  const marker = severity ? badge(LABEL_X + LABEL_WIDTH - 14, label.y + 12, edge.findings, severity) : '';
  return [
    `<g class="edge${severity ? ` sev-${severity}` : ''}" data-category="${esc(edge.category)}" data-recipient="${recipient.anchor}">`,
    `<title>${esc(title)}</title>`,
    curve(CATEGORY_X + NODE_WIDTH, from.y + from.height / 2, LABEL_X, labelMiddle),
    curve(LABEL_X + LABEL_WIDTH, labelMiddle, RECIPIENT_X, to.y + to.height / 2),
    `<rect class="label" x="${LABEL_X}" y="${label.y}" width="${LABEL_WIDTH}" height="${label.height}" rx="5"/>`,
    `<text class="purposes code" x="${LABEL_X + 8}" y="${label.y + 15}"><tspan class="origin">code:</tspan> ${esc(truncate(code, MAX_PURPOSE_LINE))}</text>`,
    model.manifestPath ? `<text class="purposes manifest" x="${LABEL_X + 8}" y="${label.y + 30}"><tspan class="origin">manifest:</tspan> ${esc(truncate(manifest, MAX_PURPOSE_LINE))}</text>` : '',
    marker,
    '</g>',
  ].filter(Boolean).join('');
}

function node(box: Box, x: number, className: string, label: string, title: string, findings: readonly FindingView[], data: string): string {
  const severity = worstSeverity(findings);
  const full = findings.length > 0 ? `${title}; ${findingCount(findings)}` : title;
  return [
    `<g class="node ${className}" ${data}><title>${esc(full)}</title>`,
    `<rect x="${x}" y="${box.y}" width="${NODE_WIDTH}" height="${box.height}" rx="5"/>`,
    `<text x="${x + 8}" y="${box.y + 17}">${esc(truncate(label, MAX_NODE_LABEL))}</text>`,
    severity ? badge(x + NODE_WIDTH - 14, box.y + box.height / 2, findings, severity) : '',
    '</g>',
  ].join('');
}

/** A circle with the number of findings, in the colour of the most severe. */
function badge(cx: number, cy: number, findings: readonly FindingView[], severity: string): string {
  return `<g class="badge sev-${severity}"><circle cx="${cx}" cy="${cy}" r="9"/><text x="${cx}" y="${cy + 4}" text-anchor="middle">${findings.length}</text></g>`;
}

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const middle = (x1 + x2) / 2;
  return `<path d="M${x1} ${y1} C${middle} ${y1}, ${middle} ${y2}, ${x2} ${y2}"/>`;
}

function findingCount(findings: readonly FindingView[]): string {
  const counts = (['error', 'warning', 'note'] as const).map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const).filter(([, count]) => count > 0);
  return `findings: ${counts.map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : 's'}`).join(', ')}`;
}

/** Why the manifest gives no purpose for data reaching a recipient, in a few words. */
export function noManifestPurpose(recipient: RecipientView): string {
  if (recipient.kind === 'recipient') return 'no share of it declared';
  if (recipient.kind === 'first-party' || recipient.kind === 'on-device') return 'the category is not declared';
  return 'recipient not in the manifest';
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

function columnHeight(count: number, boxHeight: number, gap: number): number {
  return Math.max(1, count) * (boxHeight + gap) - gap;
}

function truncate(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
