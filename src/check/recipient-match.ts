import { packageNameOf, packagePatternMatches } from '../catalog/match.js';
import type { Catalog } from '../catalog/types.js';
import type { RecipientDeclaration } from '../manifest/types.js';

/**
 * Whether a recipient lists a package (the same rule as the policy check): exact names or globs,
 * a package covers its subpaths; a snippet global (fbq, gtag) matches its SDK's packages or the
 * recipient whose id is the SDK's vendor.
 */
export function recipientMatches(recipient: RecipientDeclaration, pkg: string, sdkId: string | undefined, catalog?: Catalog): boolean {
  if (pkg.startsWith('global:')) {
    const sdk = catalog?.sdks.find((candidate) => candidate.id === sdkId);
    if (sdk && recipient.id === sdk.vendor) return true;
    const candidates = [pkg, ...(sdk?.packages ?? [])];
    return recipient.packages.some((pattern) => candidates.some((candidate) => packagePatternMatches(pattern, candidate)));
  }
  const candidates = [pkg, packageNameOf(pkg)];
  return recipient.packages.some((pattern) => candidates.some((candidate) => packagePatternMatches(pattern, candidate)));
}
