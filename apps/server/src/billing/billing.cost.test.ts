/** `usage.cost` in USD on chat answers, streamed chat's usage chunk and embeddings, equal to the ledger's charge. */
import { usdNumber } from '@tollgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../routes/task-api.test-helpers.js';
import { readSseData, TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  chargesOf,
  expectLedgerVerifies,
  MODEL,
  settled,
  startBillingGateway,
} from './billing.test-helpers.js';

const BGE = 'BAAI/bge-base-en-v1.5';

interface Usage {
  readonly prompt_tokens: number;
  readonly completion_tokens?: number;
  readonly cost: number;
}

let test: TestGateway;
beforeAll(async () => {
  test = await startBillingGateway(undefined, {
    plugins: TASK_PLUGINS,
    // Together's embeddings carry no usage; an operator maps one live.
    config: {
      providers: {
        together: { models: [{ hfModelId: BGE, providerModelId: BGE, task: 'feature-extraction' }] },
      },
    },
  });
});
afterAll(async () => {
  await test?.close();
});

describe('usage.cost', () => {
  it('is the charge of a JSON chat answer, in USD, exactly rate x usage', async () => {
    const response = await test.chat({
      model: MODEL,
      messages: [{ role: 'user', content: 'Cost?' }],
      max_tokens: 8,
    });
    const { usage } = (await response.json()) as { usage: Usage };
    const charge = (await chargesOf(test)).get(response.headers.get('x-request-id')!)!;
    expect(charge).toBe(BigInt(usage.prompt_tokens) * 1_000n + BigInt(usage.completion_tokens!) * 1_000_000n);
    expect(usage.cost).toBe(usdNumber(charge));
  });

  it('is in the usage chunk of a stream whose client asked for usage, and absent otherwise', async () => {
    const body = {
      model: MODEL,
      messages: [{ role: 'user', content: 'Stream the cost.' }],
      max_tokens: 8,
      stream: true,
      stream_options: { include_usage: true },
    };
    const response = await test.chat(body);
    const events = await readSseData(response);
    expect(events.at(-1)).toBe('[DONE]');
    const usageChunk = JSON.parse(events.at(-2)!) as { usage: Usage };
    await settled(test);
    const charge = (await chargesOf(test)).get(response.headers.get('x-request-id')!)!;
    expect(charge).toBeGreaterThan(0n);
    expect(usageChunk.usage.cost).toBe(usdNumber(charge));

    const quiet = await readSseData(await test.chat({ ...body, stream_options: undefined }));
    expect(quiet.some((event) => event.includes('"cost"'))).toBe(false);
  });

  it('is the charge of an embeddings request', async () => {
    const response = await postJson(test, '/v1/embeddings', {
      model: 'sentence-transformers/all-MiniLM-L6-v2:hf-inference',
      input: ['Tide tables', 'Moon phases'],
    });
    expect(response.status).toBe(200);
    const { usage } = (await response.json()) as { usage: Usage };
    const charge = (await chargesOf(test)).get(response.headers.get('x-request-id')!);
    expect(charge).toBeDefined();
    expect(usage.cost).toBe(usdNumber(charge!));
    await expectLedgerVerifies(test);
  });

  it('is charged on the input’s worst case when the provider reports no usage at all', async () => {
    const input = ['Tide tables', 'Moon phases'];
    const response = await postJson(test, '/v1/embeddings', { model: `${BGE}:together`, input });
    expect(response.status).toBe(200);
    const { usage } = (await response.json()) as { usage: Usage };
    const charge = (await chargesOf(test)).get(response.headers.get('x-request-id')!)!;
    // Together's $0.008 per 1M tokens is 8 nano-USD a token; the bound is each text's bytes plus 8.
    const bound = BigInt(input.reduce((sum, text) => sum + Buffer.byteLength(text) + 8, 0));
    expect(charge).toBe(bound * 8n);
    expect(usage.cost).toBe(usdNumber(charge));
  });
});
