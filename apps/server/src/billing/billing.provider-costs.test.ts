/**
 * Provider-reported costs through the gateway (decision 0021): a provider with a billing API (the generic
 * OpenAI-compatible plugin given a billing URL, served by the simulator) is answered with the metered placeholder,
 * and the provider cost reconciler, run every 50 ms, replaces it with the provider's cost in the ledger, the request
 * records and the usage API; an id the provider never prices is released at the deadline; a failed billing call is
 * retried; and the Free account's $0.10 is never overspent meanwhile.
 */
import { billingPeriodOf, usdNumber } from '@tollgate/core';
import type { SimulatedBillingApi } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACEHOLDER_COST_HEADER } from '../inference/placeholder-cost-header.js';
import { readSseData, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  billedPlugin,
  billedSimulator,
  HF_MODEL,
  MODEL,
  PROVIDER,
  PROVIDER_INPUT_NANO_USD,
  PROVIDER_OUTPUT_NANO_USD,
  placeholderOf,
  type Usage,
  until,
} from './billing.provider-costs.test-helpers.js';
import { aliceId, expectLedgerVerifies, FREE_CREDITS_NANO_USD } from './billing.test-helpers.js';

const DEADLINE_MS = 1_500;

interface Money {
  readonly nanoUsd: string;
}
interface UsageDocument {
  readonly byModel: readonly { readonly key: string; readonly cost: Money; readonly charged: Money }[];
  readonly charged: Money;
  readonly held: Money;
  readonly pendingProviderCost: { readonly requests: number; readonly placeholder: Money };
  readonly reconciliation: { readonly agrees: boolean };
}

let test: TestGateway;
let billing: SimulatedBillingApi;

beforeAll(async () => {
  test = await startTestGateway({
    plugins: [billedPlugin],
    simulator: billedSimulator,
    config: { billing: { providerCosts: { intervalMs: 50, deadlineMs: DEADLINE_MS } } },
  });
  billing = test.simulator.billingApi(PROVIDER);
});
afterAll(async () => {
  await test?.close();
});

/** How the ledger closed the request's hold, once it did. */
async function closingOf(requestId: string) {
  const entries = await test.gateway.kernel.store.ledger.listEntries();
  return entries.find((entry) => entry.requestId === requestId && entry.kind !== 'hold');
}

async function usageDocument(): Promise<UsageDocument> {
  const response = await test.request(`/api/usage?period=${billingPeriodOf(new Date())}`);
  expect(response.status).toBe(200);
  return (await response.json()) as UsageDocument;
}

/** Keeps the billing API failing while `run` sends requests, so nothing is priced before the test looks. */
async function withBillingDown<T>(run: () => Promise<T>): Promise<T> {
  billing.fail(503, 1_000_000);
  try {
    return await run();
  } finally {
    billing.fail(503, 0);
  }
}

describe('provider-reported costs through the gateway', () => {
  it('answers with the placeholder, keeps the hold while the billing API fails, then charges the provider cost', async () => {
    const callsBefore = billing.calls.length;
    const { response, usage, providerRequestId } = await withBillingDown(async () => {
      const answer = await test.chat({
        model: MODEL,
        messages: [{ role: 'user', content: 'What will this cost?' }],
        max_tokens: 8,
      });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { usage: Usage };
      const id = billing.servedIds().at(-1)!;
      // The reconciler keeps asking while the provider fails: each failed call is retried on the next run.
      await until(
        async () => (billing.calls.length >= callsBefore + 2 ? true : undefined),
        'two billing calls',
      );
      const requestId = answer.headers.get('x-request-id')!;
      expect(await closingOf(requestId)).toBeUndefined();
      const pending = await usageDocument();
      expect(pending.pendingProviderCost.requests).toBe(1);
      expect(BigInt(pending.pendingProviderCost.placeholder.nanoUsd)).toBe(placeholderOf(body.usage));
      expect(BigInt(pending.held.nanoUsd)).toBeGreaterThan(0n);
      expect(await test.gateway.kernel.store.requests.find(requestId)).toMatchObject({
        costNanoUsd: placeholderOf(body.usage),
        chargedNanoUsd: 0n,
        providerCost: 'pending',
      });
      return { response: answer, usage: body.usage, providerRequestId: id };
    });
    const requestId = response.headers.get('x-request-id')!;
    expect(response.headers.get(PLACEHOLDER_COST_HEADER)).toBe('placeholder');
    expect(usage.cost).toBe(usdNumber(placeholderOf(usage)));

    const closing = await until(() => closingOf(requestId), 'the settlement');
    const providerCost = billing.costOf(providerRequestId)!;

    expect(providerCost).toBe(
      BigInt(usage.prompt_tokens) * PROVIDER_INPUT_NANO_USD +
        BigInt(usage.completion_tokens) * PROVIDER_OUTPUT_NANO_USD,
    );
    expect(providerCost).not.toBe(placeholderOf(usage));
    expect(closing).toMatchObject({ kind: 'settle', amountNanoUsd: providerCost, costNanoUsd: providerCost });
    const record = await until(async () => {
      const found = await test.gateway.kernel.store.requests.find(requestId);
      return found?.providerCost === 'reported' ? found : undefined;
    }, 'the repriced record');
    expect(record).toMatchObject({ costNanoUsd: providerCost, chargedNanoUsd: providerCost });
    const final = await usageDocument();
    expect(final.pendingProviderCost.requests).toBe(0);
    expect(final.byModel).toEqual([
      expect.objectContaining({
        key: HF_MODEL,
        cost: expect.objectContaining({ nanoUsd: String(providerCost) }),
        charged: expect.objectContaining({ nanoUsd: String(providerCost) }),
      }),
    ]);
    expect(final.reconciliation.agrees).toBe(true);
    await expectLedgerVerifies(test);
  });

  it('shows the placeholder in a stream usage chunk and settles the stream at the provider cost', async () => {
    const { response, events, providerRequestId } = await withBillingDown(async () => {
      const answer = await test.chat({
        model: MODEL,
        messages: [{ role: 'user', content: 'Stream it.' }],
        max_tokens: 8,
        stream: true,
        stream_options: { include_usage: true },
      });
      const data = await readSseData(answer);
      return { response: answer, events: data, providerRequestId: billing.servedIds().at(-1)! };
    });
    expect(response.headers.get(PLACEHOLDER_COST_HEADER)).toBe('placeholder');
    expect(events.at(-1)).toBe('[DONE]');
    const { usage } = JSON.parse(events.at(-2)!) as { usage: Usage };
    expect(usage.cost).toBe(usdNumber(placeholderOf(usage)));

    const closing = await until(() => closingOf(response.headers.get('x-request-id')!), 'the settlement');

    expect(closing).toMatchObject({ kind: 'settle', amountNanoUsd: billing.costOf(providerRequestId) });
  });

  it('defers a native route call too: the provider body as it came, the provider cost charged later', async () => {
    const { response, usage, providerRequestId } = await withBillingDown(async () => {
      const answer = await test.request(`/${PROVIDER}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: HF_MODEL,
          messages: [{ role: 'user', content: 'Natively.' }],
          max_tokens: 6,
        }),
      });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { usage: Usage };
      return { response: answer, usage: body.usage, providerRequestId: billing.servedIds().at(-1)! };
    });
    const requestId = response.headers.get('x-request-id')!;
    expect(response.headers.get(PLACEHOLDER_COST_HEADER)).toBe('placeholder');
    expect(await test.gateway.kernel.store.requests.find(requestId)).toMatchObject({
      costNanoUsd: placeholderOf(usage),
      providerCost: 'pending',
    });

    const closing = await until(() => closingOf(requestId), 'the settlement');

    expect(closing).toMatchObject({ kind: 'settle', amountNanoUsd: billing.costOf(providerRequestId) });
  });

  it('releases a request the provider never prices once its deadline passed: it costs nothing', async () => {
    const response = await withBillingDown(async () => {
      const answer = await test.chat({
        model: MODEL,
        messages: [{ role: 'user', content: 'Never priced.' }],
        max_tokens: 4,
      });
      await answer.json();
      billing.neverPrice(billing.servedIds().at(-1)!);
      return answer;
    });
    const requestId = response.headers.get('x-request-id')!;

    const closing = await until(() => closingOf(requestId), 'the release');
    const record = await until(async () => {
      const found = await test.gateway.kernel.store.requests.find(requestId);
      return found?.providerCost === 'unbilled' ? found : undefined;
    }, 'the unbilled record');

    expect(closing?.kind).toBe('release');
    expect(record).toMatchObject({ costNanoUsd: 0n, chargedNanoUsd: 0n });
    expect((await usageDocument()).reconciliation.agrees).toBe(true);
  });

  it('never overspends the Free account, even when the provider reports more than was held', async () => {
    const answered = await withBillingDown(() =>
      Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          test.chat({
            model: MODEL,
            messages: [{ role: 'user', content: `Concurrent request ${index}` }],
            max_tokens: 16,
          }),
        ),
      ),
    );
    const statuses = await Promise.all(
      answered.map(async (response) => {
        await response.arrayBuffer();
        return response.status;
      }),
    );
    // Each hold reserves ~$0.016 of the Free account's $0.10 until the provider prices it: some get 402.
    expect(statuses).toContain(402);
    expect(statuses).toContain(200);
    for (const id of billing.servedIds()) billing.reportCostAs(id, 1e12);

    const alice = await aliceId(test);
    const balance = await until(async () => {
      const current = await test.gateway.kernel.store.ledger.balance(alice, billingPeriodOf(new Date()));
      return current.heldNanoUsd === 0n ? current : undefined;
    }, 'every hold closed');

    expect(
      balance.includedUsedNanoUsd + balance.payAsYouGoUsedNanoUsd + balance.prepaidUsedNanoUsd,
    ).toBeLessThanOrEqual(FREE_CREDITS_NANO_USD);
    const entries = await test.gateway.kernel.store.ledger.listEntries({ accountId: alice });
    const held = new Map(
      entries.filter((entry) => entry.kind === 'hold').map((entry) => [entry.requestId, entry]),
    );
    for (const settle of entries.filter((entry) => entry.kind === 'settle')) {
      expect(settle.amountNanoUsd).toBeLessThanOrEqual(held.get(settle.requestId)!.amountNanoUsd);
    }
    await expectLedgerVerifies(test);
  });
});
