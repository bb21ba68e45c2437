// The part of a scan that golden files pin down: every collection site, SDK use, data flow and
// finding with what it is about and where — not messages or fingerprints, which have their own
// tests. A flow lists the files its steps pass through, in order (a file again when it comes back).

/** @typedef {import('../src/index.js').ScanResult} ScanResult */
/** @typedef {NonNullable<ScanResult['inventory']['flows'][number]['sink']['destination']>} Destination */

/** @param {ScanResult} result */
export function goldenView(result) {
  return {
    collections: result.inventory.collections.map((site) => ({
      at: `${site.file}:${site.line}:${site.column}`,
      category: site.category,
      api: site.api,
      purposes: site.purposes,
      guarded: site.guarded,
      consentKeys: site.consentKeys,
      via: site.via.map((step) => `${step.file}:${step.line}`),
    })),
    sdks: result.inventory.sdks.map((use) => ({ at: `${use.file}:${use.line}:${use.column}`, package: use.package, vendor: use.vendor })),
    flows: result.inventory.flows.map((flow) => ({
      source: `${flow.source.file}:${flow.source.line}:${flow.source.column}`,
      category: flow.category,
      sink: `${flow.sink.file}:${flow.sink.line}:${flow.sink.column}`,
      callee: flow.sink.callee,
      ...(flow.sink.destination ? { destination: destinationText(flow.sink.destination) } : {}),
      hashed: flow.hashed,
      files: flow.steps.map((step) => step.file).filter((file, index, files) => index === 0 || files[index - 1] !== file),
    })),
    findings: result.findings.map((finding) => ({
      rule: finding.ruleId,
      severity: finding.severity,
      at: `${finding.file}:${finding.line}:${finding.column}`,
      ...(finding.category ? { category: finding.category } : {}),
      ...(finding.package ? { package: finding.package } : {}),
      // One finding per rule per place: what a merged finding is about, each part in order.
      ...(finding.parts ? { parts: finding.parts.map((part) => [part.kind, part.category, part.package].filter(Boolean).join(' ')) } : {}),
    })),
    diagnostics: result.inventory.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity}`),
  };
}

/** "host", "relative", "unknown", or a region map as "CN=a.example IN=b.example DEFAULT=c.example". */
/** @param {Destination} destination */
function destinationText(destination) {
  if (destination.kind === 'host') return destination.host;
  if (destination.kind === 'by-region') return Object.entries(destination.hosts).map(([region, host]) => `${region}=${host}`).join(' ');
  return destination.kind;
}
