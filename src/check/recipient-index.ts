import { packageNameOf, packagePatternMatches, type CatalogIndex } from '../catalog/match.js';
import type { Manifest, RecipientDeclaration } from '../manifest/types.js';

export type HostOwner = { kind: 'first-party' } | { kind: 'recipient'; recipient: RecipientDeclaration } | { kind: 'unknown' };

/**
 * The manifest's recipients looked up by package and by host, each answer computed once. The check
 * asks for every SDK use, call and flow, and once per recipient whether any code uses it: scanning
 * the list each time made the check quadratic in recipients (16,000 of them took minutes).
 */
export class RecipientIndex {
  private readonly byPackage = new Map<string, readonly RecipientDeclaration[]>();
  private readonly byHost = new Map<string, HostOwner>();
  /** Recipients (their positions in the manifest) by domain, without `*.`; `wildcard` only covers subdomains. */
  private readonly byDomain = new Map<string, { index: number; wildcard: boolean }[]>();

  constructor(
    private readonly manifest: Manifest,
    private readonly catalog: CatalogIndex,
  ) {
    manifest.recipients.forEach((recipient, index) => {
      for (const pattern of recipient.domains) {
        const domain = pattern.toLowerCase().replace(/^\*\./, '');
        const list = this.byDomain.get(domain) ?? [];
        list.push({ index, wildcard: pattern.startsWith('*.') });
        this.byDomain.set(domain, list);
      }
    });
  }

  /** Every recipient that lists the package (in manifest order): by name or glob, a package covering its subpaths. */
  listing(pkg: string, sdkId: string): readonly RecipientDeclaration[] {
    const key = `${pkg}\0${sdkId}`;
    let found = this.byPackage.get(key);
    if (!found) {
      found = this.manifest.recipients.filter((recipient) => this.lists(recipient, pkg, sdkId));
      this.byPackage.set(key, found);
    }
    return found;
  }

  /** The first recipient that lists the package, as the manifest orders them. */
  first(pkg: string, sdkId: string): RecipientDeclaration | undefined {
    return this.listing(pkg, sdkId)[0];
  }

  /**
   * Who operates a host: the app itself (first-party domains), a recipient (its domains, the first
   * in manifest order), the app's own regional endpoints (residency rules), or nobody known.
   */
  ownerOf(host: string): HostOwner {
    let owner = this.byHost.get(host);
    if (!owner) {
      owner = this.findOwner(host);
      this.byHost.set(host, owner);
    }
    return owner;
  }

  private findOwner(host: string): HostOwner {
    const { manifest } = this;
    if (manifest.firstPartyDomains.some((pattern) => hostMatches(host, pattern))) return { kind: 'first-party' };
    const recipient = this.recipientByDomain(host.toLowerCase());
    if (recipient) return { kind: 'recipient', recipient };
    if (manifest.residency.some((rule) => rule.endpoints.some((pattern) => hostMatches(host, pattern)))) return { kind: 'first-party' };
    return { kind: 'unknown' };
  }

  /** hostMatches over every recipient's domains, by looking up the host and each of its parent domains. */
  private recipientByDomain(name: string): RecipientDeclaration | undefined {
    let best: number | undefined;
    for (let start = 0; start >= 0; start = name.indexOf('.', start) + 1 || -1) {
      const domain = name.slice(start);
      for (const { index, wildcard } of this.byDomain.get(domain) ?? []) {
        // The host itself matches a plain domain; a parent domain matches either kind.
        if (start === 0 && wildcard) continue;
        if (best === undefined || index < best) best = index;
      }
    }
    return best === undefined ? undefined : this.manifest.recipients[best];
  }

  /**
   * A snippet global (fbq, gtag) has no package: it matches `global:<name>`, any of its SDK's
   * packages, or the recipient whose id is the SDK's vendor id.
   */
  private lists(recipient: RecipientDeclaration, pkg: string, sdkId: string): boolean {
    if (pkg.startsWith('global:')) {
      const sdk = this.catalog.sdkById(sdkId);
      if (sdk && recipient.id === sdk.vendor) return true;
      const candidates = [pkg, ...(sdk?.packages ?? [])];
      return recipient.packages.some((pattern) => candidates.some((candidate) => packagePatternMatches(pattern, candidate)));
    }
    const candidates = [pkg, packageNameOf(pkg)];
    return recipient.packages.some((pattern) => candidates.some((candidate) => packagePatternMatches(pattern, candidate)));
  }
}

/** `*.example.com` matches subdomains; `example.com` matches itself and its subdomains. */
export function hostMatches(host: string, pattern: string): boolean {
  const bare = pattern.toLowerCase().replace(/^\*\./, '');
  const name = host.toLowerCase();
  return (name === bare && !pattern.startsWith('*.')) || name.endsWith(`.${bare}`);
}
