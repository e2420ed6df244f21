/** A test gateway whose Groq model has a steep rate card, so a Free account's $0.10 runs out in a few requests. */
import { billingPeriodOf, type LedgerBalance, verifyLedger } from '@tollgate/core';
import type { RateCardV1 } from '@tollgate/provider-spec';
import { expect } from 'vitest';
import {
  CHAT_MODEL,
  startTestGateway,
  type TestGateway,
  type TestGatewayOptions,
} from '../test-gateway.test-helpers.js';

/** $1 per 1M input tokens and $1000 per 1M output tokens: 1000 and 1,000,000 nano-USD per token. */
export const STEEP_RATE: RateCardV1 = { inputPerMillionTokens: '1', outputPerMillionTokens: '1000' };
export const FREE_CREDITS_NANO_USD = 100_000_000n;
export const MODEL = `${CHAT_MODEL}:groq`;

export async function startBillingGateway(
  rate: RateCardV1 = STEEP_RATE,
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  return startTestGateway({
    ...options,
    config: {
      ...options.config,
      providers: { groq: { rates: { [CHAT_MODEL]: rate } }, ...options.config?.providers },
    },
  });
}

/** The only user of a test gateway (alice, Free tier). */
export async function aliceId(test: TestGateway): Promise<string> {
  const users = await test.gateway.kernel.store.users.list();
  return users.find((user) => user.name === 'alice')!.id;
}

export async function balanceOf(test: TestGateway): Promise<LedgerBalance> {
  return test.gateway.kernel.store.ledger.balance(await aliceId(test), billingPeriodOf(new Date()));
}

/** Every settlement's charge, by request id. */
export async function chargesOf(test: TestGateway): Promise<Map<string, bigint>> {
  const entries = await test.gateway.kernel.store.ledger.listEntries();
  return new Map(
    entries.filter((entry) => entry.kind === 'settle').map((entry) => [entry.requestId, entry.amountNanoUsd]),
  );
}

export async function expectLedgerVerifies(test: TestGateway): Promise<void> {
  expect(verifyLedger(await test.gateway.kernel.store.ledger.snapshot())).toEqual([]);
}

/** Waits until no hold of the account is open (streams settle after their last byte). */
export async function settled(test: TestGateway, timeoutMs = 20_000): Promise<LedgerBalance> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const balance = await balanceOf(test);
    if (balance.heldNanoUsd === 0n || Date.now() > deadline) return balance;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
