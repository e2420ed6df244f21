/**
 * A client's `x-request-id` is a correlation id, never the ledger's key: a client that sends one id twice, or the id
 * of someone else's request, is charged for every request it makes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestGateway } from '../test-gateway.test-helpers.js';
import {
  balanceOf,
  chargesOf,
  expectLedgerVerifies,
  MODEL,
  startBillingGateway,
} from './billing.test-helpers.js';

let test: TestGateway | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

describe('request ids and billing', () => {
  it('charges each of two requests that carry the same x-request-id', async () => {
    test = await startBillingGateway();
    const body = { model: MODEL, messages: [{ role: 'user', content: 'Hi' }], max_tokens: 10 };
    const first = await test.chat(body, { headers: { 'x-request-id': 'same-id' } });
    const second = await test.chat(body, { headers: { 'x-request-id': 'same-id' } });
    expect([first.status, second.status]).toEqual([200, 200]);
    await Promise.all([first.text(), second.text()]);
    const charges = await chargesOf(test);
    expect(charges.size).toBe(2);
    const total = [...charges.values()].reduce((sum, charge) => sum + charge, 0n);
    expect(total).toBeGreaterThan(0n);
    expect((await balanceOf(test)).includedUsedNanoUsd).toBe(total);
    await expectLedgerVerifies(test);
  });
});
