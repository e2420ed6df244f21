/** Image generation holds the images asked for at their size, so an image is charged in full or refused with 402. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../routes/task-api.test-helpers.js';
import { TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';
import { chargesOf, expectLedgerVerifies, startBillingGateway } from './billing.test-helpers.js';

const SCHNELL = 'black-forest-labs/FLUX.1-schnell';

let test: TestGateway;
beforeAll(async () => {
  test = await startBillingGateway(undefined, {
    plugins: TASK_PLUGINS,
    // $0.05 a megapixel: one 1024x1024 image is half of a Free account's month.
    config: { providers: { 'fal-ai': { rates: { 'fal-ai/flux/schnell': { perMegapixel: '0.05' } } } } },
  });
});
afterAll(async () => {
  await test?.close();
});

describe('billing of image generation (fal-ai queue)', () => {
  it('charges a whole image at its rate, more than the default hold of $0.01', async () => {
    const response = await postJson(test, '/v1/images/generations', {
      model: `${SCHNELL}:fal-ai`,
      prompt: 'A pier',
      size: '1024x1024',
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id')!;
    expect((await chargesOf(test)).get(requestId)).toBe(50_000_000n);
    await expectLedgerVerifies(test);
  });

  it('refuses with 402 an image whose named size costs more than is left', async () => {
    const response = await postJson(test, '/v1/images/generations', {
      model: `${SCHNELL}:fal-ai`,
      prompt: 'A huge pier',
      size: '2048x2048',
    });
    expect(response.status).toBe(402);
  });
});
