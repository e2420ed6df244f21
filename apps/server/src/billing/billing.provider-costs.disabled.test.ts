/** `billing.providerCosts.enabled: false`: a provider with a billing API is charged its metered cost at once. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PLACEHOLDER_COST_HEADER } from '../inference/placeholder-cost-header.js';
import { startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  billedPlugin,
  billedSimulator,
  MODEL,
  placeholderOf,
  type Usage,
} from './billing.provider-costs.test-helpers.js';
import { chargesOf } from './billing.test-helpers.js';

let test: TestGateway;
beforeAll(async () => {
  test = await startTestGateway({
    plugins: [billedPlugin],
    simulator: billedSimulator,
    config: { billing: { providerCosts: { enabled: false } } },
  });
});
afterAll(async () => {
  await test?.close();
});

it('settles the request when it is answered, at rate x usage, with no placeholder and no pending row', async () => {
  const response = await test.chat({
    model: MODEL,
    messages: [{ role: 'user', content: 'Now.' }],
    max_tokens: 8,
  });
  const { usage } = (await response.json()) as { usage: Usage };
  const requestId = response.headers.get('x-request-id')!;

  expect(response.headers.get(PLACEHOLDER_COST_HEADER)).toBeNull();
  expect((await chargesOf(test)).get(requestId)).toBe(placeholderOf(usage));
  expect(await test.gateway.kernel.store.providerCosts?.find({ requestId, attempt: 1 })).toBeUndefined();
  const record = await test.gateway.kernel.store.requests.find(requestId);
  expect(record?.providerCost).toBeUndefined();
  expect(record?.chargedNanoUsd).toBe(placeholderOf(usage));
});
