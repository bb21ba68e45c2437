import type { Severity } from '../../check/rules.js';
import type { FindingView, FlowView, RecipientView } from './model.js';

/** Where a purpose on the data map comes from: the code's `@privacy-purpose` annotations, or the manifest's shares. */
export type PurposeOrigin = 'code' | 'manifest';

/** A line of the data map: personal data of one category reaching one recipient. */
export interface MapEdge {
  category: string;
  /** The recipient's key (RecipientView.key). */
  recipient: string;
  /** Purposes the code's annotations give the data sent (flows). */
  codePurposes: string[];
  /** Purposes for which the manifest lets this recipient receive the category (its shares); empty for one it does not name. */
  manifestPurposes: string[];
  /** flow: the code sends it; sdk: the recipient's SDK collects it on its own. */
  how: ('flow' | 'sdk')[];
  /** Findings about this data reaching this recipient: at the flows' sinks, and about the recipient's SDK. */
  findings: FindingView[];
}

/**
 * The data map's lines, category → recipient, from what each recipient receives (flows and SDKs
 * collecting on their own; what the manifest declares alone is no line). In the order of the
 * recipients' lists, which follow the categories' order.
 */
export function mapEdges(
  recipients: readonly RecipientView[],
  flows: readonly FlowView[],
  manifestPurposes: (recipient: RecipientView, category: string) => string[],
): MapEdge[] {
  const edges = new Map<string, MapEdge>();
  for (const recipient of recipients) {
    for (const received of recipient.receives) {
      if (received.how === 'share') continue;
      const key = `${received.category}\u0000${recipient.key}`;
      let edge = edges.get(key);
      if (!edge) {
        const aboutRecipient = recipient.findings.filter((finding) => finding.categories.length === 0 || finding.categories.includes(received.category));
        edge = { category: received.category, recipient: recipient.key, codePurposes: [], manifestPurposes: manifestPurposes(recipient, received.category), how: [], findings: aboutRecipient };
        edges.set(key, edge);
      }
      if (!edge.how.includes(received.how)) edge.how.push(received.how);
      if (received.how === 'flow') {
        for (const purpose of received.purposes) if (!edge.codePurposes.includes(purpose)) edge.codePurposes.push(purpose);
        const flow = flows.find((candidate) => candidate.anchor === received.target);
        for (const finding of flow?.findings ?? []) if (!edge.findings.includes(finding)) edge.findings.push(finding);
      }
    }
  }
  // In the findings table's order (anchors f-1, f-2 … follow it).
  const position = (finding: FindingView) => Number(finding.anchor.slice('f-'.length));
  for (const edge of edges.values()) edge.findings.sort((a, b) => position(a) - position(b));
  return [...edges.values()];
}

/** The most severe of some findings' severities, or undefined for none. */
export function worstSeverity(findings: readonly { severity: Severity }[]): Severity | undefined {
  for (const severity of ['error', 'warning', 'note'] as const) if (findings.some((finding) => finding.severity === severity)) return severity;
  return undefined;
}
