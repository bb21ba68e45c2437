// The part of a scan that golden files pin down: every collection site, SDK use and finding with
// what it is about and where — not messages or fingerprints, which have their own tests.
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
    findings: result.findings.map((finding) => ({
      rule: finding.ruleId,
      severity: finding.severity,
      at: `${finding.file}:${finding.line}:${finding.column}`,
      ...(finding.category ? { category: finding.category } : {}),
      ...(finding.package ? { package: finding.package } : {}),
    })),
    diagnostics: result.inventory.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity}`),
  };
}
