import { describe, expect, it } from 'vitest';
import { NO_UNITS, type RequestRecord } from '../store/request-record-repository.js';
import { createInMemoryLedgerRepository } from '../store/testing/in-memory-ledger-repository.js';
import { createInMemoryRequestRecordRepository } from '../store/testing/in-memory-request-record-repository.js';
import { periodBounds, UsageSummaryService } from './usage-summary.js';

const account = 'user-1';
const period = '2026-12';

const record = (requestId: string, overrides: Partial<RequestRecord> = {}): RequestRecord => ({
  requestId,
  accountId: account,
  userId: account,
  tokenId: 'token-1',
  billedToOrganizationId: undefined,
  providerId: 'groq',
  hfModelId: 'openai/gpt-oss-120b',
  providerModelId: 'openai/gpt-oss-120b',
  task: 'conversational',
  units: { ...NO_UNITS, inputTokens: 10, outputTokens: 5 },
  costNanoUsd: 0n,
  chargedNanoUsd: 0n,
  billingMode: 'routed',
  status: 'ok',
  httpStatus: 200,
  latencyMs: 1,
  streamed: false,
  createdAt: '2026-12-02T12:00:00.000Z',
  ...overrides,
});

async function charged(
  ledger: ReturnType<typeof createInMemoryLedgerRepository>,
  requestId: string,
  cost: bigint,
) {
  await ledger.reserve({
    accountId: account,
    period,
    requestId,
    attempt: 1,
    amountNanoUsd: 10_000_000n,
    allowance: { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n },
  });
  await ledger.settle({ requestId, attempt: 1, costNanoUsd: cost });
}

describe('UsageSummaryService', () => {
  it('names the bounds of a UTC month and refuses anything else', () => {
    expect(periodBounds('2026-12')).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(() => periodBounds('2026-13')).toThrow(RangeError);
  });

  it('takes totals and each request’s charge from the ledger, and says where the records disagree', async () => {
    const ledger = createInMemoryLedgerRepository();
    const requests = createInMemoryRequestRecordRepository();
    await charged(ledger, 'agrees', 3_000n);
    await charged(ledger, 'misstated', 5_000n);
    await charged(ledger, 'lost', 7_000n);
    await requests.record(record('agrees', { costNanoUsd: 3_000n, chargedNanoUsd: 3_000n }));
    // The record claims less than the ledger charged: the summary shows the ledger's figure and flags it.
    await requests.record(
      record('misstated', {
        costNanoUsd: 5_000n,
        chargedNanoUsd: 4_000n,
        providerId: 'together',
        hfModelId: 'm2',
      }),
    );
    await requests.record(record('refused', { status: 'insufficient_credit', httpStatus: 402 }));
    // Another month's request is not this month's.
    await requests.record(record('november', { createdAt: '2026-11-30T23:59:59.999Z', chargedNanoUsd: 9n }));

    const summary = await new UsageSummaryService({ ledger, requests }).summarize(account, period);

    expect(summary.chargedNanoUsd).toBe(15_000n);
    expect(summary.included).toEqual({
      grantedNanoUsd: 100_000_000n,
      usedNanoUsd: 15_000n,
      leftNanoUsd: 99_985_000n,
    });
    expect(summary.requests).toBe(3);
    expect(summary.failedRequests).toBe(1);
    expect(summary.byModel.map((row) => [row.key, row.chargedNanoUsd])).toEqual([
      ['(unrecorded)', 7_000n],
      ['m2', 5_000n],
      ['openai/gpt-oss-120b', 3_000n],
    ]);
    expect(summary.byProvider.reduce((sum, row) => sum + row.chargedNanoUsd, 0n)).toBe(15_000n);
    expect(summary.reconciliation).toEqual({
      agrees: false,
      ledgerChargedNanoUsd: 15_000n,
      recordedChargedNanoUsd: 7_000n,
      unrecordedNanoUsd: 7_000n,
      mismatchedRequestIds: ['misstated'],
    });
  });

  it('agrees when every charge has a record stating it', async () => {
    const ledger = createInMemoryLedgerRepository();
    const requests = createInMemoryRequestRecordRepository();
    await charged(ledger, 'one', 1_234n);
    await requests.record(record('one', { costNanoUsd: 1_234n, chargedNanoUsd: 1_234n }));
    const summary = await new UsageSummaryService({ ledger, requests }).summarize(account, period);
    expect(summary.reconciliation.agrees).toBe(true);
    expect(summary.byDay).toEqual([expect.objectContaining({ key: '2026-12-02', chargedNanoUsd: 1_234n })]);
  });
});
