/** Conformance scenarios for `Store#providerCosts`: one row per hold, due rows in order, removal. */
import { describe, expect, it } from 'vitest';
import type { PendingProviderCost, ProviderCostRepository } from '../provider-cost-repository.js';
import { NO_UNITS, type RequestRecord, type RequestRecordRepository } from '../request-record-repository.js';

const pending = (requestId: string, askAfter: string, overrides: Partial<PendingProviderCost> = {}) => ({
  requestId,
  attempt: 1,
  providerId: 'billed',
  providerRequestId: `inf-${requestId}`,
  placeholderCostNanoUsd: 1_234_567_890_123n,
  createdAt: '2026-03-01T00:00:00.000Z',
  askAfter,
  deadline: '2026-03-01T00:30:00.000Z',
  ...overrides,
});

/** Registers the scenarios against the repository `repository()` returns (a fresh, migrated store's). */
export function describeProviderCostRepositoryConformance(repository: () => ProviderCostRepository): void {
  describe('provider costs', () => {
    it('keeps one row per hold: a second add changes nothing, another attempt is its own row', async () => {
      const costs = repository();
      const first = pending('r', '2026-03-01T00:01:00.000Z');
      expect(await costs.add(first)).toBe('added');
      expect(await costs.add({ ...first, placeholderCostNanoUsd: 1n, providerRequestId: 'other' })).toBe(
        'existing',
      );
      expect(await costs.add({ ...first, attempt: 2 })).toBe('added');
      expect(await costs.find({ requestId: 'r', attempt: 1 })).toEqual(first);
      expect(await costs.find({ requestId: 'r', attempt: 3 })).toBeUndefined();
    });

    it('lists the rows due by now, oldest first, up to the limit', async () => {
      const costs = repository();
      await costs.add(pending('late', '2026-03-01T00:05:00.000Z'));
      await costs.add(pending('b', '2026-03-01T00:01:00.000Z'));
      await costs.add(pending('a', '2026-03-01T00:01:00.000Z'));
      await costs.add(pending('first', '2026-03-01T00:00:30.000Z'));
      const due = await costs.listDue({ now: '2026-03-01T00:01:00.000Z', limit: 10 });
      expect(due.map((row) => row.requestId)).toEqual(['first', 'a', 'b']);
      expect(
        (await costs.listDue({ now: '2026-03-01T01:00:00.000Z', limit: 2 })).map((row) => row.requestId),
      ).toEqual(['first', 'a']);
    });

    it('removes a row, and removing it again changes nothing', async () => {
      const costs = repository();
      await costs.add(pending('r', '2026-03-01T00:00:00.000Z'));
      await costs.remove({ requestId: 'r', attempt: 1 });
      await costs.remove({ requestId: 'r', attempt: 1 });
      expect(await costs.find({ requestId: 'r', attempt: 1 })).toBeUndefined();
      expect(await costs.listDue({ now: '2026-03-02T00:00:00.000Z', limit: 10 })).toEqual([]);
    });
  });
}

/** Registers the scenarios of `RequestRecordRepository#reprice`, which the provider cost reconciler writes with. */
export function describeRequestRecordRepricingConformance(requests: () => RequestRecordRepository): void {
  describe('request records: repricing', () => {
    const record: RequestRecord = {
      requestId: 'req-priced-later',
      accountId: 'acc',
      userId: 'acc',
      tokenId: 'tok',
      billedToOrganizationId: undefined,
      providerId: 'billed',
      hfModelId: 'org/model',
      providerModelId: 'model',
      task: 'conversational',
      units: { ...NO_UNITS, inputTokens: 3, outputTokens: 5 },
      costNanoUsd: 5_003_000n,
      chargedNanoUsd: 0n,
      billingMode: 'routed',
      status: 'ok',
      httpStatus: 200,
      latencyMs: 20,
      streamed: true,
      createdAt: '2026-03-01T00:00:00.000Z',
      providerCost: 'pending',
    };

    it('keeps a pending provider cost, then replaces cost, charge and state, and says when there is no record', async () => {
      const repository = requests();
      if (repository.reprice === undefined) throw new Error('The store cannot reprice request records.');
      await repository.record(record);
      expect(await repository.find(record.requestId)).toEqual(record);
      const repricing = {
        costNanoUsd: 9_007_199_254_740_993n,
        chargedNanoUsd: 4_000_000n,
        providerCost: 'reported',
      } as const;
      expect(await repository.reprice(record.requestId, repricing)).toBe(true);
      expect(await repository.find(record.requestId)).toEqual({ ...record, ...repricing });
      expect(
        await repository.reprice('req-unknown', {
          costNanoUsd: 0n,
          chargedNanoUsd: 0n,
          providerCost: 'unbilled',
        }),
      ).toBe(false);
      expect(await repository.find('req-unknown')).toBeUndefined();
    });
  });
}
