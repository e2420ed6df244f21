import { InsufficientCreditError } from '@tollgate/provider-spec';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import type { UserTier } from '../billing/billing-tiers.js';
import type { OrganizationBillingRecord } from '../store/billing-account-repository.js';
import type { LedgerRepository } from '../store/ledger-repository.js';
import { createInMemoryLedgerRepository } from '../store/testing/in-memory-ledger-repository.js';
import type { HoldRequest } from './credit-ledger.js';
import { EstimatedProviderBlockedError } from './estimated-provider-blocked-error.js';
import { StoreCreditLedger } from './store-credit-ledger.js';
import { verifyLedger } from './verify-ledger.js';

const alice: Principal = { userId: 'user-alice', userName: 'alice', tokenId: 'token-1' };
const march = new Date('2026-03-15T12:00:00.000Z');
const acme = { id: 'org-acme', name: 'acme' };

describe('StoreCreditLedger', () => {
  let ledger: LedgerRepository;
  let tiers: Map<string, UserTier>;
  let organizations: Map<string, OrganizationBillingRecord>;
  let now: Date;
  let credits: StoreCreditLedger;

  beforeEach(() => {
    ledger = createInMemoryLedgerRepository();
    tiers = new Map([[alice.userId, 'free']]);
    organizations = new Map();
    now = march;
    credits = new StoreCreditLedger({
      ledger,
      billingAccounts: {
        async findUser(userId) {
          const tier = tiers.get(userId);
          return tier === undefined ? undefined : { userId, tier };
        },
        async findOrganization(organizationId) {
          return organizations.get(organizationId);
        },
      },
      now: () => now,
    });
  });

  const request = (overrides: Partial<HoldRequest> = {}): HoldRequest => ({
    requestId: 'request-1',
    principal: alice,
    providerId: 'groq',
    providerModelId: 'llama-3.3-70b-versatile',
    maxCostNanoUsd: 30_000_000n,
    ...overrides,
  });

  it('holds the worst case and charges the cost, which the balance then shows', async () => {
    const hold = await credits.hold(request());

    const settlement = await credits.settle(hold, 12_345_678n);

    expect(hold).toEqual({
      requestId: 'request-1',
      principal: alice,
      reservedNanoUsd: 30_000_000n,
      attempt: 1,
      origin: request(),
    });
    expect(settlement).toEqual({ costNanoUsd: 12_345_678n, chargedNanoUsd: 12_345_678n });
    expect(await ledger.balance(alice.userId, '2026-03')).toMatchObject({
      includedNanoUsd: 100_000_000n,
      includedUsedNanoUsd: 12_345_678n,
      heldNanoUsd: 0n,
    });
  });

  it("answers a Free account that cannot pay with HTTP 402 in Hugging Face's words", async () => {
    await credits.settle(await credits.hold(request({ maxCostNanoUsd: 100_000_000n })), 100_000_000n);

    const error = await credits.hold(request({ requestId: 'request-2', maxCostNanoUsd: 1n })).catch((e) => e);

    expect(InsufficientCreditError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 402, code: 'insufficient_credit' });
    expect((error as Error).message).toBe(
      'You have depleted your monthly included credits. Purchase pre-paid credits to continue using Inference Providers. Alternatively, subscribe to PRO to get 20x more included credits.',
    );
  });

  it('never charges more than the hold', async () => {
    const hold = await credits.hold(request({ maxCostNanoUsd: 5_000_000n }));

    expect(await credits.settle(hold, 9_000_000n)).toEqual({
      costNanoUsd: 9_000_000n,
      chargedNanoUsd: 5_000_000n,
    });
  });

  it('holds what is left when the request names a minimum, so a small balance still serves a small request', async () => {
    await credits.settle(await credits.hold(request({ maxCostNanoUsd: 95_000_000n })), 95_000_000n);

    const hold = await credits.hold(
      request({ requestId: 'request-2', maxCostNanoUsd: 20_000_000n, minCostNanoUsd: 1_000_000n }),
    );

    expect(hold.reservedNanoUsd).toBe(5_000_000n);
  });

  it('holds up to the unbounded hold when the worst case is unknown', async () => {
    const first = await credits.hold(request({ maxCostNanoUsd: undefined }));
    await credits.settle(
      await credits.hold(request({ requestId: 'r2', maxCostNanoUsd: 85_000_000n })),
      85_000_000n,
    );
    const second = await credits.hold(request({ requestId: 'r3', maxCostNanoUsd: undefined }));

    expect(first.reservedNanoUsd).toBe(10_000_000n);
    expect(second.reservedNanoUsd).toBe(5_000_000n);
  });

  it('releases a failed attempt and holds the next one under the same request id, charging the request once', async () => {
    const first = await credits.hold(request({ attempt: 1 }));
    await credits.release(first);
    const second = await credits.hold(request({ attempt: 2 }));

    const settlement = await credits.settle(second, 7n);
    const again = await credits.settle(second, 7n);

    expect(second.attempt).toBe(2);
    expect(settlement.chargedNanoUsd).toBe(7n);
    expect(again.chargedNanoUsd).toBe(7n);
    expect((await ledger.balance(alice.userId, '2026-03')).includedUsedNanoUsd).toBe(7n);
    expect(verifyLedger(await ledger.snapshot())).toEqual([]);
  });

  it('lets a PRO account spend past its included credits, pay-as-you-go', async () => {
    tiers.set(alice.userId, 'pro');

    const hold = await credits.hold(request({ maxCostNanoUsd: 5_000_000_000n }));
    await credits.settle(hold, 4_000_000_000n);

    expect(await ledger.balance(alice.userId, '2026-03')).toMatchObject({
      includedUsedNanoUsd: 2_000_000_000n,
      payAsYouGoUsedNanoUsd: 2_000_000_000n,
    });
  });

  it('starts each UTC month with fresh included credits', async () => {
    await credits.settle(await credits.hold(request({ maxCostNanoUsd: 100_000_000n })), 100_000_000n);
    now = new Date('2026-04-01T00:00:00.000Z');

    const april = await credits.hold(request({ requestId: 'april', maxCostNanoUsd: 100_000_000n }));

    expect(april.reservedNanoUsd).toBe(100_000_000n);
    expect((await ledger.balance(alice.userId, '2026-04')).heldNanoUsd).toBe(100_000_000n);
  });

  it('charges nothing for a released hold settled afterwards', async () => {
    const hold = await credits.hold(request());
    await credits.release(hold);

    expect(await credits.settle(hold, 10n)).toEqual({ costNanoUsd: 10n, chargedNanoUsd: 0n });
  });

  it('refuses an account that no longer exists, and a hold the ledger never had', async () => {
    await expect(
      credits.hold(request({ principal: { ...alice, userId: 'gone', userName: 'gone' } })),
    ).rejects.toMatchObject({ status: 401 });
    await expect(
      credits.settle({ requestId: 'never', principal: alice, reservedNanoUsd: 1n }, 1n),
    ).rejects.toThrow(/No hold of request never/);
  });

  describe('billed to an organization (X-HF-Bill-To)', () => {
    const team = (overrides: Partial<OrganizationBillingRecord> = {}): OrganizationBillingRecord => ({
      organizationId: acme.id,
      plan: 'team',
      seats: 3,
      spendingLimitNanoUsd: undefined,
      ...overrides,
    });

    it("holds and charges the organization's account, never the member's", async () => {
      organizations.set(acme.id, team());

      const hold = await credits.hold(request({ billTo: acme, maxCostNanoUsd: 500_000_000n }));
      await credits.settle(hold, 250_000_000n);

      expect(await ledger.balance(acme.id, '2026-03')).toMatchObject({
        includedNanoUsd: 6_000_000_000n,
        includedUsedNanoUsd: 250_000_000n,
        heldNanoUsd: 0n,
      });
      expect(await ledger.listEntries({ accountId: alice.userId })).toEqual([]);
    });

    it('spends the pooled seats, then pay-as-you-go up to the spending limit, then answers 402', async () => {
      organizations.set(acme.id, team({ seats: 1, spendingLimitNanoUsd: 1_000_000_000n }));

      await credits.settle(
        await credits.hold(request({ billTo: acme, maxCostNanoUsd: 3_000_000_000n })),
        3_000_000_000n,
      );
      const error = await credits
        .hold(request({ requestId: 'request-2', billTo: acme, maxCostNanoUsd: 1n }))
        .catch((caught: unknown) => caught);

      expect(await ledger.balance(acme.id, '2026-03')).toMatchObject({
        includedUsedNanoUsd: 2_000_000_000n,
        payAsYouGoUsedNanoUsd: 1_000_000_000n,
      });
      expect(InsufficientCreditError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/organization 'acme' .* reached its spending limit/);
    });

    it('reads the spending limit afresh on every hold', async () => {
      organizations.set(acme.id, team({ seats: 1, spendingLimitNanoUsd: 0n }));
      await credits.settle(
        await credits.hold(request({ billTo: acme, maxCostNanoUsd: 2_000_000_000n })),
        2_000_000_000n,
      );
      await expect(
        credits.hold(request({ requestId: 'request-2', billTo: acme, maxCostNanoUsd: 1n })),
      ).rejects.toMatchObject({ status: 402 });

      organizations.set(acme.id, team({ seats: 1, spendingLimitNanoUsd: 5n }));

      const hold = await credits.hold(request({ requestId: 'request-3', billTo: acme, maxCostNanoUsd: 5n }));
      expect(hold.reservedNanoUsd).toBe(5n);
    });

    it('refuses an organization that no longer exists with 403', async () => {
      await expect(credits.hold(request({ billTo: acme }))).rejects.toMatchObject({
        status: 403,
        code: 'bill_to_organization_not_found',
      });
    });
  });

  describe('included credits only (a provider not integrated with billing)', () => {
    it('holds against included credits alone and refuses, naming the provider, once they are spent', async () => {
      await ledger.grant({
        accountId: alice.userId,
        period: '2026-03',
        grantId: 'g',
        amountNanoUsd: 1_000_000_000n,
      });
      const estimated = request({
        providerId: 'nscale',
        includedCreditsOnly: true,
        maxCostNanoUsd: 60_000_000n,
      });

      const first = await credits.hold(estimated);
      const error = await credits
        .hold({ ...estimated, requestId: 'request-2' })
        .catch((caught: unknown) => caught);
      const ordinary = await credits.hold(request({ requestId: 'request-3', maxCostNanoUsd: 60_000_000n }));

      expect(first.reservedNanoUsd).toBe(60_000_000n);
      expect(error).toBeInstanceOf(EstimatedProviderBlockedError);
      expect(InsufficientCreditError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 402, code: 'insufficient_credit', providerId: 'nscale' });
      expect((error as Error).message).toMatch(/^Provider 'nscale' is not integrated with billing/);
      expect(ordinary.reservedNanoUsd).toBe(60_000_000n);
      expect(verifyLedger(await ledger.snapshot())).toEqual([]);
    });

    it('names the organization whose included credits are spent', async () => {
      organizations.set(acme.id, {
        organizationId: acme.id,
        plan: 'team',
        seats: 1,
        spendingLimitNanoUsd: undefined,
      });
      const estimated = request({ billTo: acme, providerId: 'nscale', includedCreditsOnly: true });
      await credits.settle(
        await credits.hold({ ...estimated, maxCostNanoUsd: 2_000_000_000n }),
        2_000_000_000n,
      );

      const error = await credits
        .hold({ ...estimated, requestId: 'request-2' })
        .catch((caught: unknown) => caught);

      expect((error as Error).message).toContain("the monthly included credits of the organization 'acme'");
    });
  });

  describe("on a store that reads the user's tier in the reservation", () => {
    let findUserCalls: number;
    let twoStep: StoreCreditLedger;

    beforeEach(() => {
      findUserCalls = 0;
      const inner = ledger;
      const oneTrip: LedgerRepository = {
        ...inner,
        reserve: (input) => inner.reserve(input),
        async reserveForUser({ userId, allowances, ...reservation }) {
          const tier = tiers.get(userId);
          if (tier === undefined) return { outcome: 'unknown-user' };
          return {
            ...(await inner.reserve({ ...reservation, accountId: userId, allowance: allowances[tier] })),
            tier,
          };
        },
      };
      twoStep = new StoreCreditLedger({
        ledger: oneTrip,
        billingAccounts: {
          async findUser() {
            findUserCalls += 1;
            return undefined;
          },
          async findOrganization(organizationId) {
            return organizations.get(organizationId);
          },
        },
        now: () => now,
      });
    });

    it('holds on the tier the store found, without a tier read of its own', async () => {
      tiers.set(alice.userId, 'pro');

      const hold = await twoStep.hold(request({ maxCostNanoUsd: 3_000_000_000n }));

      // PRO: past its $2.00 included credits on pay-as-you-go.
      expect(hold.reservedNanoUsd).toBe(3_000_000_000n);
      expect(findUserCalls).toBe(0);
      expect(await ledger.balance(alice.userId, '2026-03')).toMatchObject({
        includedNanoUsd: 2_000_000_000n,
        payAsYouGoLimitNanoUsd: undefined,
      });
    });

    it('answers 402 in the words for the tier the store found', async () => {
      await twoStep.settle(await twoStep.hold(request({ maxCostNanoUsd: 100_000_000n })), 100_000_000n);

      const error = await twoStep
        .hold(request({ requestId: 'request-2', maxCostNanoUsd: 1n }))
        .catch((e) => e);

      expect(InsufficientCreditError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /^You have depleted your monthly included credits\. .*subscribe to PRO/,
      );
    });

    it('refuses a user the store does not know with 401, holding nothing', async () => {
      tiers.delete(alice.userId);

      await expect(twoStep.hold(request())).rejects.toMatchObject({ status: 401 });
      expect(await ledger.listOpenHolds()).toEqual([]);
    });
  });
});
