/**
 * Whose eyes a catalog read is for. `live` mappings are for everyone; a `staging` mapping only for the members of
 * its provider's organization and for gateway admins, who test it before it goes live; `error` mappings are
 * never routed.
 */
import type { CatalogMappingStatus } from '../store/catalog-repository.js';

interface Mapped {
  readonly providerId: string;
  readonly status: CatalogMappingStatus;
}

export class CatalogAudience {
  /** Anyone: anonymous callers, and users of no provider's organization. */
  static readonly public = new CatalogAudience(false, new Set());

  /**
   * @example
   * const audience = new CatalogAudience(false, new Set(['fal-ai']));
   * audience.canUse({ providerId: 'fal-ai', status: 'staging' }); // true
   */
  constructor(
    /** A gateway admin sees every provider's staging mappings. */
    readonly isAdmin: boolean,
    /** Providers whose organization the caller belongs to. */
    readonly stagingProviders: ReadonlySet<string>,
  ) {}

  /** Whether the caller may see and route to the mapping. */
  canUse(mapping: Mapped): boolean {
    if (mapping.status === 'live') return true;
    return mapping.status === 'staging' && this.seesStagingOf(mapping.providerId);
  }

  /** Whether the caller sees the provider's staging mappings. */
  seesStagingOf(providerId: string): boolean {
    return this.isAdmin || this.stagingProviders.has(providerId);
  }
}
