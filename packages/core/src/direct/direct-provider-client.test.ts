import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletedExecution } from '../execution/execution-types.js';
import { simulatedGroq } from '../execution/executor.test-helpers.js';
import { createDirectProviderClient } from './direct-provider-client.js';

const ownKey = 'gsk_direct_2Hs8Kd5Lq0Pw';
let simulator: ProviderSimulator;

beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq'], apiKeys: { groq: ownKey } });
});
afterAll(() => simulator.close());

const chat = {
  model: 'openai/gpt-oss-120b',
  messages: [{ role: 'user', content: 'Direct?' }],
  max_tokens: 12,
};

describe('createDirectProviderClient', () => {
  it('calls the provider with the key from its environment variable, prices the answer and bills nothing', async () => {
    const client = await createDirectProviderClient({
      plugin: simulatedGroq,
      env: { GROQ_API_KEY: ownKey, TOLLGATE_PROVIDER_GROQ_BASE_URL: simulator.baseUrlFor('groq') },
    });
    simulator.resetCalls();
    try {
      const result = (await client.execute({
        task: 'conversational',
        model: 'openai/gpt-oss-120b',
        input: chat,
      })) as CompletedExecution;

      expect(result.route.providerId).toBe('groq');
      expect(result.billing).toBe('custom-key');
      expect(result.costNanoUsd).toBe(
        BigInt(result.usage.inputTokens!) * 150n + BigInt(result.usage.outputTokens!) * 600n,
      );
      expect(simulator.calls.map((call) => call.headers.authorization)).toEqual([`Bearer ${ownKey}`]);
    } finally {
      await client.close();
    }
  });

  it('calls a model the plugin does not map by the provider’s own id, as a direct call to its API would', async () => {
    const client = await createDirectProviderClient({
      plugin: simulatedGroq,
      apiKey: ownKey,
      env: { TOLLGATE_PROVIDER_GROQ_BASE_URL: simulator.baseUrlFor('groq') },
    });
    simulator.resetCalls();
    try {
      const result = (await client.execute({
        task: 'conversational',
        model: 'llama-3.1-8b-instant',
        input: { ...chat, model: 'llama-3.1-8b-instant' },
      })) as CompletedExecution;
      expect(result.route).toMatchObject({ providerId: 'groq', providerModelId: 'llama-3.1-8b-instant' });
      expect(simulator.calls[0]?.body).toMatchObject({ model: 'llama-3.1-8b-instant' });
      // No published rate for it: the cost is unknown, not zero.
      expect(result.costNanoUsd).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it('prefers an explicit key, and refuses to start without any', async () => {
    await expect(createDirectProviderClient({ plugin: simulatedGroq, env: {} })).rejects.toMatchObject({
      code: 'missing_provider_key',
      message: expect.stringContaining('GROQ_API_KEY'),
    });
    const client = await createDirectProviderClient({
      plugin: simulatedGroq,
      apiKey: 'wrong-key',
      env: { GROQ_API_KEY: ownKey, TOLLGATE_PROVIDER_GROQ_BASE_URL: simulator.baseUrlFor('groq') },
    });
    try {
      await expect(
        client.execute({ task: 'conversational', model: 'openai/gpt-oss-120b', input: chat }),
      ).rejects.toMatchObject({ upstreamStatus: 401 });
    } finally {
      await client.close();
    }
  });
});
