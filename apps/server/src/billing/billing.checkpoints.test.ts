/**
 * Stream checkpoints through HTTP: the config file's `billing.checkpointIntervalMs` reaches the executor, so a long
 * stream's hold carries a checkpoint of its running cost (never above the hold) while the client is still reading,
 * and a gateway with checkpoints off writes none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestGateway } from '../test-gateway.test-helpers.js';
import { expectLedgerVerifies, MODEL, startBillingGateway } from './billing.test-helpers.js';

let test: TestGateway | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

const RATE = { inputPerMillionTokens: '1', outputPerMillionTokens: '20' };

/** Streams a slow answer, and asks the store for its checkpoint after the first chunks arrived. */
async function checkpointMidStream(checkpointIntervalMs: number) {
  test = await startBillingGateway(RATE, { config: { billing: { checkpointIntervalMs } } });
  test.simulator.setLatency('groq', { tokensPerSecond: 20 });
  const response = await test.chat({
    model: MODEL,
    messages: [{ role: 'user', content: 'Tell me a long story.' }],
    max_tokens: 64,
    stream: true,
  });
  expect(response.status).toBe(200);
  const requestId = response.headers.get('x-request-id')!;
  const reader = response.body!.getReader();
  const store = test.gateway.kernel.store;
  const key = { requestId, attempt: 1 };
  let text = '';
  let checkpoint = await store.ledgerRecovery!.findCheckpoint(key);
  // Read on chunk by chunk until a checkpoint is there or the stream is over.
  while (checkpoint === undefined) {
    const { done, value } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
    checkpoint = await store.ledgerRecovery!.findCheckpoint(key);
  }
  const openHold = (await store.ledger.listOpenHolds()).find((hold) => hold.requestId === requestId);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  return { checkpoint, openHold };
}

describe('stream checkpoints', () => {
  it('checkpoints a long stream at the configured interval while its hold is open, never above the hold', async () => {
    const { checkpoint, openHold } = await checkpointMidStream(50);
    expect(checkpoint?.costNanoUsd).toBeGreaterThan(0n);
    expect(openHold).toBeDefined();
    expect(checkpoint!.costNanoUsd).toBeLessThanOrEqual(openHold!.amountNanoUsd);
    await expectLedgerVerifies(test!);
  });

  it('writes none when the config turns them off', async () => {
    const { checkpoint } = await checkpointMidStream(0);
    expect(checkpoint).toBeUndefined();
  });
});
