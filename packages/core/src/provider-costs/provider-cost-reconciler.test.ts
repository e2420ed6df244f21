import { defineProviderPlugin, type ProviderBillingApiV1 } from '@tollgate/provider-spec';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LedgerReconciler } from '../credits/ledger-reconciler.js';
import { StoreCreditLedger } from '../credits/store-credit-ledger.js';
import { verifyLedger } from '../credits/verify-ledger.js';
import type { LedgerRecoveryRepository } from '../store/ledger-recovery-repository.js';
import type { LedgerRepository } from '../store/ledger-repository.js';
import type { ProviderCostRepository } from '../store/provider-cost-repository.js';
import { NO_UNITS, type RequestRecordRepository } from '../store/request-record-repository.js';
import { createInMemoryLedgerRecoveryRepository } from '../store/testing/in-memory-ledger-recovery-repository.js';
import { createInMemoryLedgerRepository } from '../store/testing/in-memory-ledger-repository.js';
import { createInMemoryProviderCostRepository } from '../store/testing/in-memory-provider-cost-repository.js';
import { createInMemoryRequestRecordRepository } from '../store/testing/in-memory-request-record-repository.js';
import { ProviderCostDeferral } from './provider-cost-deferral.js';
import { PROVIDER_COST_RECONCILER_LEASE, ProviderCostReconciler } from './provider-cost-reconciler.js';

const PROVIDER = 'openai-compatible';
const principal = { userId: 'user-1', userName: 'alice', tokenId: 'token-1' };
const billingApi: ProviderBillingApiV1 = { url: '/billing/requests', requestIdHeader: 'Inference-Id' };
const MINUTE = 60_000;

const plugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: PROVIDER,
  displayName: 'Billed',
  version: '1.0.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: [],
    apiKeyRequired: false,
    baseUrl: 'http://127.0.0.1:1',
    auth: { kind: 'bearer' },
  },
  tasks: {
    conversational: {
      kind: 'sync',
      mapRequest: () => ({
        method: 'POST',
        path: '/v1/chat/completions',
        body: { kind: 'none' },
        expect: 'json',
      }),
      mapResponse: () => ({ output: {}, usage: {} }),
    },
  },
  models: [],
  rates: {
    kind: 'static',
    table: { asOf: '2026-11-01', sourceUrl: 'https://x.test', currency: 'USD', models: {} },
  },
  billing: 'integrated',
  billingApi,
});

describe('ProviderCostReconciler', () => {
  let simulator: ProviderSimulator;
  let ledger: LedgerRepository;
  let recovery: LedgerRecoveryRepository;
  let providerCosts: ProviderCostRepository;
  let requests: RequestRecordRepository;
  let credits: StoreCreditLedger;
  let deferral: ProviderCostDeferral;

  beforeAll(async () => {
    simulator = await createProviderSimulator({
      providers: [PROVIDER],
      billingApi: { [PROVIDER]: { inputNanoUsdPerToken: 1_000n, outputNanoUsdPerToken: 100_000n } },
    });
  });
  afterAll(() => simulator.close());

  beforeEach(() => {
    ledger = createInMemoryLedgerRepository();
    recovery = createInMemoryLedgerRecoveryRepository(ledger);
    providerCosts = createInMemoryProviderCostRepository();
    requests = createInMemoryRequestRecordRepository();
    credits = new StoreCreditLedger({
      ledger,
      recovery,
      billingAccounts: {
        async findUser(userId) {
          return { userId, tier: 'pro' };
        },
        async findOrganization() {
          return undefined;
        },
      },
    });
    deferral = new ProviderCostDeferral({
      repository: providerCosts,
      billingApis: new Map([[PROVIDER, billingApi]]),
    });
  });

  /** A request served by the simulated provider, held, answered and deferred: what the executor does. */
  async function servedRequest(requestId: string, heldNanoUsd = 50_000_000n) {
    const answer = await fetch(`${simulator.baseUrlFor(PROVIDER)}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${simulator.apiKeyFor(PROVIDER)}`,
      },
      body: JSON.stringify({
        model: 'Qwen/Qwen2.5-7B-Instruct',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    });
    await answer.text();
    const headers = Object.fromEntries(answer.headers);
    const hold = await credits.hold({
      requestId,
      principal,
      providerId: PROVIDER,
      providerModelId: 'm',
      maxCostNanoUsd: heldNanoUsd,
    });
    const placeholder = 123n;
    const shown = await deferral.defer({ plugin, hold, placeholderNanoUsd: placeholder, headers });
    await requests.record({
      requestId,
      accountId: principal.userId,
      userId: principal.userId,
      tokenId: principal.tokenId,
      billedToOrganizationId: undefined,
      providerId: PROVIDER,
      hfModelId: 'org/model',
      providerModelId: 'm',
      task: 'conversational',
      units: NO_UNITS,
      costNanoUsd: placeholder,
      chargedNanoUsd: 0n,
      billingMode: 'routed',
      status: 'ok',
      httpStatus: 200,
      latencyMs: 1,
      streamed: false,
      createdAt: new Date().toISOString(),
      providerCost: 'pending',
    });
    return { providerRequestId: headers['inference-id']!, shown };
  }

  const reconcilerAt = (offsetMs: number, holder = 'instance-a') =>
    new ProviderCostReconciler(
      {
        ledger,
        providerCosts,
        requests,
        leases: recovery,
        holder,
        now: () => new Date(Date.now() + offsetMs),
        billingTargetOf: (providerId) =>
          providerId === PROVIDER
            ? {
                target: {
                  providerId,
                  baseUrl: simulator.baseUrlFor(PROVIDER),
                  auth: { kind: 'bearer' },
                  apiKey: simulator.apiKeyFor(PROVIDER),
                },
                billingApi,
              }
            : undefined,
      },
      { intervalMs: 0 },
    );

  it('settles a held request at the cost the provider reports and writes it into the record', async () => {
    const { providerRequestId, shown } = await servedRequest('r-priced');
    const cost = simulator.billingApi(PROVIDER).costOf(providerRequestId)!;

    expect(shown).toEqual({ costNanoUsd: 123n, chargedNanoUsd: 123n });
    expect(await ledger.listOpenHolds()).toHaveLength(1);
    const report = await reconcilerAt(0).runOnce();

    expect(report).toEqual({
      leased: true,
      asked: 1,
      reported: 1,
      unbilled: 0,
      failedCalls: 0,
      chargedNanoUsd: cost,
    });
    expect(cost).not.toBe(123n);
    expect(await ledger.listOpenHolds()).toEqual([]);
    expect(await requests.find('r-priced')).toMatchObject({
      costNanoUsd: cost,
      chargedNanoUsd: cost,
      providerCost: 'reported',
    });
    expect(await providerCosts.find({ requestId: 'r-priced', attempt: 1 })).toBeUndefined();
    expect((await reconcilerAt(0).runOnce()).asked).toBe(0);
    expect(verifyLedger(await ledger.snapshot())).toEqual([]);
  });

  it('waits for an unpriced request until its deadline, then releases it: not charged', async () => {
    const { providerRequestId } = await servedRequest('r-never');
    simulator.billingApi(PROVIDER).neverPrice(providerRequestId);

    const early = await reconcilerAt(0).runOnce();
    const late = await reconcilerAt(31 * MINUTE).runOnce();

    expect(early).toMatchObject({ asked: 1, reported: 0, unbilled: 0 });
    expect(late).toMatchObject({ asked: 1, reported: 0, unbilled: 1, chargedNanoUsd: 0n });
    expect(await ledger.listOpenHolds()).toEqual([]);
    expect((await ledger.listEntries()).map((entry) => entry.kind)).toEqual(['hold', 'release']);
    expect(await requests.find('r-never')).toMatchObject({
      costNanoUsd: 0n,
      chargedNanoUsd: 0n,
      providerCost: 'unbilled',
    });
  });

  it('retries after a failed billing call and after {"requests": null}, keeping the hold meanwhile', async () => {
    await servedRequest('r-retried');
    simulator.billingApi(PROVIDER).fail(500, 1);
    const failed = await reconcilerAt(0).runOnce();
    simulator.billingApi(PROVIDER).answerNull(1);
    const empty = await reconcilerAt(0).runOnce();
    const held = await ledger.listOpenHolds();
    const priced = await reconcilerAt(0).runOnce();

    expect(failed).toMatchObject({ failedCalls: 1, reported: 0 });
    expect(empty).toMatchObject({ failedCalls: 0, reported: 0 });
    expect(held).toHaveLength(1);
    expect(priced).toMatchObject({ reported: 1 });
  });

  it('charges at most the hold when the provider reports more', async () => {
    const { providerRequestId } = await servedRequest('r-over', 1_000n);
    simulator.billingApi(PROVIDER).reportCostAs(providerRequestId, 5_000.5);

    const report = await reconcilerAt(0).runOnce();

    expect(report).toMatchObject({ reported: 1, chargedNanoUsd: 1_000n });
    expect(await requests.find('r-over')).toMatchObject({ costNanoUsd: 5_001n, chargedNanoUsd: 1_000n });
  });

  it('does nothing while another instance holds the lease', async () => {
    await servedRequest('r-leased');
    const now = new Date();
    await recovery.claimLease({
      name: PROVIDER_COST_RECONCILER_LEASE,
      holder: 'instance-b',
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + MINUTE).toISOString(),
    });

    expect(await reconcilerAt(0).runOnce()).toMatchObject({ leased: false, asked: 0 });
    expect(await ledger.listOpenHolds()).toHaveLength(1);
  });

  it('is left alone by the crash reconciler, however old the hold', async () => {
    const { providerRequestId } = await servedRequest('r-old');
    await credits.checkpoint({ requestId: 'r-old', principal, reservedNanoUsd: 50_000_000n, attempt: 1 }, 7n);
    const crash = new LedgerReconciler(
      { ledger, recovery, providerCosts, now: () => new Date(Date.now() + 2 * 60 * MINUTE) },
      { graceMs: 60 * MINUTE, intervalMs: 0 },
    );

    expect(await crash.runOnce()).toMatchObject({ settled: 0, released: 0 });
    expect(await ledger.listOpenHolds()).toHaveLength(1);
    await reconcilerAt(0).runOnce();
    expect((await ledger.listEntries()).at(-1)).toMatchObject({
      kind: 'settle',
      amountNanoUsd: simulator.billingApi(PROVIDER).costOf(providerRequestId),
    });
  });
});
