import type { Layer } from './check-layers.js';

/** The layers as the Markdown table docs/architecture.md shows, top layer first as a reader looks down the stack. */
export function layerTable(layers: readonly Layer[]): string {
  const rows = layers.map((layer, index) => `| ${index + 1} | ${layer.name} | ${layer.units.map((unit) => `\`${unit}\``).join(', ')} | ${layer.holds} |`);
  return ['| # | layer | folders and files | holds |', '|---|---|---|---|', ...rows.reverse()].join('\n');
}
