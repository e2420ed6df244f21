import { describe, expect, it } from 'vitest';
import type { OrganizationAccess, OrganizationAccessService } from '../organizations/organization-access.js';
import { ProviderOrganizations } from '../organizations/provider-organizations.js';
import type { OrganizationRole } from '../store/organization-repository.js';
import { CatalogAudience } from './catalog-audience.js';
import { CatalogAudiences } from './catalog-audiences.js';

const principal = (userId: string) => ({ userId, userName: userId, tokenId: `t-${userId}` });

function audiencesWith(accessByUser: Record<string, OrganizationAccess>, staging = { now: true }) {
  const lookups: string[] = [];
  const copies = new Map<string, Promise<OrganizationAccess>>();
  const access = {
    forUser(userId: string) {
      lookups.push(userId);
      let copy = copies.get(userId);
      if (!copy) {
        copy = Promise.resolve(accessByUser[userId] ?? { isAdmin: false, roles: new Map() });
        copies.set(userId, copy);
      }
      return copy;
    },
  } as unknown as OrganizationAccessService;
  const audiences = new CatalogAudiences({
    access,
    organizations: new ProviderOrganizations(),
    providerIds: () => ['fal-ai', 'groq', 'together'],
    hasStagingMappings: () => staging.now,
  });
  return { audiences, lookups };
}

const roles = (entries: [string, OrganizationRole][]) => new Map(entries);

describe('CatalogAudience', () => {
  it('lets everyone use live mappings, members and admins staging ones, nobody error ones', () => {
    const member = new CatalogAudience(false, new Set(['fal-ai']));
    expect(CatalogAudience.public.canUse({ providerId: 'fal-ai', status: 'live' })).toBe(true);
    expect(CatalogAudience.public.canUse({ providerId: 'fal-ai', status: 'staging' })).toBe(false);
    expect(member.canUse({ providerId: 'fal-ai', status: 'staging' })).toBe(true);
    expect(member.canUse({ providerId: 'groq', status: 'staging' })).toBe(false);
    expect(member.canUse({ providerId: 'fal-ai', status: 'error' })).toBe(false);
    expect(new CatalogAudience(true, new Set()).canUse({ providerId: 'groq', status: 'staging' })).toBe(true);
  });
});

describe('CatalogAudiences', () => {
  it("maps a user's organizations to the providers they speak for (fal -> fal-ai)", async () => {
    const { audiences } = audiencesWith({
      ada: { isAdmin: false, roles: roles([['fal', 'read']]) },
      bob: { isAdmin: false, roles: roles([['togethercomputer', 'write']]) },
    });
    expect([...(await audiences.forPrincipal(principal('ada'))).stagingProviders]).toEqual(['fal-ai']);
    expect([...(await audiences.forPrincipal(principal('bob'))).stagingProviders]).toEqual(['together']);
    expect(await audiences.forPrincipal(principal('carol'))).toBe(CatalogAudience.public);
  });

  it('gives admins every staging mapping', async () => {
    const { audiences } = audiencesWith({ root: { isAdmin: true, roles: new Map() } });
    expect((await audiences.forPrincipal(principal('root'))).isAdmin).toBe(true);
  });

  it('looks nothing up while the catalog has no staging mapping, or for an anonymous caller', async () => {
    const staging = { now: false };
    const { audiences, lookups } = audiencesWith(
      { ada: { isAdmin: false, roles: roles([['fal', 'read']]) } },
      staging,
    );
    expect(await audiences.forPrincipal(principal('ada'))).toBe(CatalogAudience.public);
    staging.now = true;
    expect(await audiences.forPrincipal(undefined)).toBe(CatalogAudience.public);
    expect(lookups).toEqual([]);
    const first = await audiences.forPrincipal(principal('ada'));
    expect(first.seesStagingOf('fal-ai')).toBe(true);
    // The same cached access gives the same audience: nothing is rebuilt per request.
    expect(await audiences.forPrincipal(principal('ada'))).toBe(first);
    // `load` answers even while nothing is in staging.
    staging.now = false;
    expect((await audiences.load(principal('ada'))).seesStagingOf('fal-ai')).toBe(true);
  });
});
