import { AuthError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import type { OrganizationAccess } from '../organizations/organization-access.js';
import type { OrganizationBillingRecord } from '../store/billing-account-repository.js';
import type { OrganizationRole } from '../store/organization-repository.js';
import { BillToResolver } from './bill-to-resolver.js';

const ada: Principal = { userId: 'user-ada', userName: 'ada', tokenId: 'token-1' };

function resolverWith(options: {
  plans: Record<string, OrganizationBillingRecord['plan']>;
  roles: Record<string, OrganizationRole>;
}) {
  let lookups = 0;
  const resolver = new BillToResolver({
    organizations: {
      async findByName(name) {
        lookups += 1;
        return name in options.plans
          ? { id: `org-${name}`, name, createdAt: '2026-11-01T00:00:00.000Z' }
          : undefined;
      },
    },
    billingAccounts: {
      async findOrganization(organizationId) {
        const name = organizationId.replace(/^org-/, '');
        return { organizationId, plan: options.plans[name], seats: 1, spendingLimitNanoUsd: undefined };
      },
    },
    access: {
      async forUser(): Promise<OrganizationAccess> {
        return { isAdmin: false, roles: new Map(Object.entries(options.roles)) };
      },
      forget() {},
    },
  });
  return { resolver, lookups: () => lookups };
}

async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(AuthError.isInstance(error)).toBe(true);
  return error as AuthError;
}

describe('BillToResolver', () => {
  it("bills a member's request to a Team or Enterprise organization", async () => {
    const { resolver } = resolverWith({
      plans: { acme: 'team', big: 'enterprise' },
      roles: { acme: 'read', big: 'admin' },
    });

    expect(await resolver.resolve(ada, 'acme')).toEqual({ id: 'org-acme', name: 'acme' });
    expect(await resolver.resolve(ada, ' big ')).toEqual({ id: 'org-big', name: 'big' });
  });

  it('bills the caller when the header is absent or empty', async () => {
    const { resolver } = resolverWith({ plans: {}, roles: {} });

    expect(await resolver.resolve(ada, undefined)).toBeUndefined();
    expect(await resolver.resolve(ada, '  ')).toBeUndefined();
  });

  it('refuses an unknown organization, a non-member and an organization without a plan with 403', async () => {
    const { resolver } = resolverWith({
      plans: { acme: 'team', hobby: undefined },
      roles: { hobby: 'admin' },
    });

    const unknown = await refusal(resolver.resolve(ada, 'nobody'));
    const outsider = await refusal(resolver.resolve(ada, 'acme'));
    const unpaid = await refusal(resolver.resolve(ada, 'hobby'));

    expect(unknown).toMatchObject({
      status: 403,
      type: 'permission_error',
      code: 'bill_to_organization_not_found',
    });
    expect(outsider).toMatchObject({ status: 403, code: 'bill_to_not_a_member' });
    expect(outsider.message).toBe(
      "X-HF-Bill-To: 'ada' is not a member of the organization 'acme', so cannot bill requests to it.",
    );
    expect(unpaid).toMatchObject({ status: 403, code: 'bill_to_plan_required' });
  });

  it('reads an organization once per cache period', async () => {
    const { resolver, lookups } = resolverWith({ plans: { acme: 'team' }, roles: { acme: 'write' } });

    await resolver.resolve(ada, 'acme');
    await resolver.resolve(ada, 'acme');

    expect(lookups()).toBe(1);
  });

  it('looks past its copies before refusing, so a member just added can bill at once', async () => {
    const roles = new Map<string, OrganizationRole>();
    let cachedRoles = new Map(roles);
    const resolver = new BillToResolver({
      organizations: {
        async findByName(name) {
          return name === 'acme'
            ? { id: 'org-acme', name, createdAt: '2026-11-01T00:00:00.000Z' }
            : undefined;
        },
      },
      billingAccounts: {
        async findOrganization(organizationId) {
          return { organizationId, plan: 'team', seats: 1, spendingLimitNanoUsd: undefined };
        },
      },
      access: {
        // A copy taken before the membership was added, until forgotten.
        async forUser() {
          return { isAdmin: false, roles: cachedRoles };
        },
        forget() {
          cachedRoles = new Map(roles);
        },
      },
    });
    await refusal(resolver.resolve(ada, 'acme'));

    roles.set('acme', 'read');

    expect(await resolver.resolve(ada, 'acme')).toEqual({ id: 'org-acme', name: 'acme' });
  });
});
