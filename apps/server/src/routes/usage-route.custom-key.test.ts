/** A request routed with the caller's own provider key is recorded as `custom-key`: costed, charged nothing. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const userGroqKey = 'gsk_alice_own_key_for_usage_7Qp2';

let test: TestGateway;
beforeAll(async () => {
  test = await startTestGateway({
    // The simulated Groq accepts only Alice's own key; the gateway has none for it.
    simulator: { apiKeys: { groq: userGroqKey } },
    env: { TOLLGATE_MASTER_KEY: randomBytes(32).toString('base64'), GROQ_API_KEY: undefined },
  });
});
afterAll(async () => {
  await test?.close();
});

it('records a custom-key request with its cost and no charge, and the usage API says so', async () => {
  const saved = await test.request('/api/settings/inference-providers/keys/groq', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: userGroqKey }),
  });
  expect(saved.status).toBe(200);
  const response = await test.chat({
    model: `${CHAT_MODEL}:groq`,
    messages: [{ role: 'user', content: 'Who pays?' }],
    max_tokens: 8,
  });
  expect(response.status).toBe(200);
  await response.json();
  const record = await test.gateway.kernel.store.requests.find(response.headers.get('x-request-id')!);
  expect(record).toMatchObject({
    billingMode: 'custom-key',
    chargedNanoUsd: 0n,
    status: 'ok',
    providerId: 'groq',
  });
  expect(record?.costNanoUsd).toBeGreaterThan(0n);

  const usage = (await (await test.request('/api/usage')).json()) as {
    requests: number;
    charged: { nanoUsd: string };
    cost: { nanoUsd: string };
    reconciliation: { agrees: boolean };
  };
  expect(usage).toMatchObject({ requests: 1, charged: { nanoUsd: '0' }, reconciliation: { agrees: true } });
  expect(usage.cost.nanoUsd).toBe(record!.costNanoUsd!.toString());
});
