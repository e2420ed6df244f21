/**
 * Finds the catalog audience of a caller: whose staging mappings it sees. Only a catalog that holds staging
 * mappings needs to know; with none, every caller is the public audience and no membership is looked up.
 */
import type { Principal } from '../auth/principal.js';
import type { OrganizationAccess, OrganizationAccessService } from '../organizations/organization-access.js';
import type { ProviderOrganizations } from '../organizations/provider-organizations.js';
import { CatalogAudience } from './catalog-audience.js';

export interface CatalogAudiencesOptions {
  readonly access: OrganizationAccessService;
  readonly organizations: ProviderOrganizations;
  /** The providers this gateway has (their ids), in any order. */
  readonly providerIds: () => readonly string[];
  /** Whether the catalog holds any staging mapping now. */
  readonly hasStagingMappings: () => boolean;
}

const publicAudience = Promise.resolve(CatalogAudience.public);

export class CatalogAudiences {
  /** One audience per cached access copy, so a cache hit allocates nothing. */
  private readonly audiences = new WeakMap<OrganizationAccess, CatalogAudience>();

  constructor(private readonly options: CatalogAudiencesOptions) {}

  /**
   * @example
   * const audience = await audiences.forPrincipal(principal);
   * entries.filter((entry) => audience.canUse(entry));
   */
  forPrincipal(principal: Principal | undefined): Promise<CatalogAudience> {
    if (principal === undefined || !this.options.hasStagingMappings()) return publicAudience;
    return this.load(principal);
  }

  /** The caller's audience even when nothing is in staging now (a provider's member listing its own models). */
  async load(principal: Principal): Promise<CatalogAudience> {
    const access = await this.options.access.forUser(principal.userId);
    let audience = this.audiences.get(access);
    if (audience === undefined) {
      audience = this.audienceOf(access);
      this.audiences.set(access, audience);
    }
    return audience;
  }

  private audienceOf(access: OrganizationAccess): CatalogAudience {
    if (access.isAdmin) return new CatalogAudience(true, new Set());
    if (access.roles.size === 0) return CatalogAudience.public;
    const { organizations, providerIds } = this.options;
    return new CatalogAudience(
      false,
      new Set(
        providerIds().filter((providerId) => access.roles.has(organizations.organizationOf(providerId))),
      ),
    );
  }
}
