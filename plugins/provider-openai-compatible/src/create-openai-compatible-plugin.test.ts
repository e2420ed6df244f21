import { isProviderPlugin, PluginDefinitionError, type RateTableV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { createOpenAICompatiblePlugin } from './create-openai-compatible-plugin.js';

const qwen = {
  hfModelId: 'Qwen/Qwen3-8B',
  providerModelId: 'qwen3:8b',
  task: 'conversational',
  status: 'live',
} as const;
const rates = (overrides: Partial<RateTableV1> = {}): RateTableV1 => ({
  asOf: '2026-11-23',
  sourceUrl: 'https://llm.example.internal/prices',
  currency: 'USD',
  models: { 'qwen3:8b': { inputPerMillionTokens: '0.02', outputPerMillionTokens: '0.04' } },
  ...overrides,
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('createOpenAICompatiblePlugin', () => {
  it('makes a configured, branded plugin with the operator models and rates', () => {
    const plugin = createOpenAICompatiblePlugin({
      id: 'office-ollama',
      displayName: 'Office Ollama',
      baseUrl: 'http://ollama.office.internal:11434',
      apiKeyEnvVars: ['OFFICE_OLLAMA_KEY'],
      headers: { 'X-Team': 'research' },
      models: [qwen],
      rates: rates(),
      version: '1.2.0',
    });
    expect(isProviderPlugin(plugin)).toBe(true);
    expect(plugin).toMatchObject({
      id: 'office-ollama',
      version: '1.2.0',
      models: [qwen],
      billing: 'integrated',
    });
    expect(plugin.settings).toMatchObject({
      apiKeyEnvVars: ['OFFICE_OLLAMA_KEY'],
      apiKeyRequired: false,
      headers: { 'X-Team': 'research' },
    });
    expect(plugin.rates.table.models['qwen3:8b']?.outputPerMillionTokens).toBe('0.04');
  });

  it('passes the chat quirk knobs to the handler, under its own provider id', () => {
    const plugin = createOpenAICompatiblePlugin({
      id: 'old-tgi',
      displayName: 'Old TGI',
      baseUrl: 'http://tgi:8080',
      models: [qwen],
      rates: rates(),
      chat: {
        path: '/v1/chat/completions',
        unsupportedParameters: ['store', 'stream_options'],
        supportsStreamUsage: false,
      },
    });
    const chat = plugin.tasks.conversational;
    if (chat?.kind !== 'sync') throw new Error('conversational must be a sync task');
    const request = chat.mapRequest({
      input: {
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
        store: false,
        stream_options: { include_usage: true },
      },
      context: {
        requestId: 'r',
        providerId: 'old-tgi',
        hfModelId: 'Qwen/Qwen3-8B',
        providerModelId: 'qwen3:8b',
      },
    });
    expect(request.body).toEqual({
      kind: 'json',
      value: { messages: [{ role: 'user', content: 'Hi' }], stream: true, model: 'qwen3:8b' },
    });
    const error = thrown(() =>
      chat.mapStreamChunk?.({
        input: { messages: [] },
        event: { data: 'not json' },
        context: { requestId: 'r', providerId: 'old-tgi', hfModelId: 'x', providerModelId: 'y' },
      }),
    );
    expect((error as Error).message).toMatch(/^old-tgi sent a stream chunk that is not JSON/);
  });

  it('refuses a mapped model without a price, listing it', () => {
    const error = thrown(() =>
      createOpenAICompatiblePlugin({
        id: 'lab',
        displayName: 'Lab',
        baseUrl: 'http://lab:8000',
        models: [qwen],
        rates: rates({ models: {} }),
      }),
    );
    expect(PluginDefinitionError.isInstance(error)).toBe(true);
    expect((error as PluginDefinitionError).problems).toEqual([
      "rates.table.models has no card for 'qwen3:8b' (Qwen/Qwen3-8B)",
    ]);
  });

  it('accepts a fallback card in place of per-model prices', () => {
    const plugin = createOpenAICompatiblePlugin({
      id: 'lab',
      displayName: 'Lab',
      baseUrl: 'http://lab:8000',
      models: [qwen],
      rates: rates({ models: {}, fallback: { inputPerMillionTokens: '0', outputPerMillionTokens: '0' } }),
    });
    expect(plugin.rates.table.fallback).toEqual({ inputPerMillionTokens: '0', outputPerMillionTokens: '0' });
  });

  it('still runs the contract validation', () => {
    const error = thrown(() =>
      createOpenAICompatiblePlugin({
        id: 'Not Kebab',
        displayName: 'x',
        baseUrl: 'ftp://x',
        models: [],
        rates: rates(),
      }),
    );
    expect(PluginDefinitionError.isInstance(error)).toBe(true);
    expect((error as PluginDefinitionError).problems).toContain('settings.baseUrl must be an http(s) URL');
  });

  it('declares the billing API of the server when given one, and refuses a bad one', () => {
    const options = {
      id: 'billed-vllm',
      displayName: 'Billed vLLM',
      baseUrl: 'http://vllm:8000',
      models: [qwen],
    };
    const plugin = createOpenAICompatiblePlugin({
      ...options,
      rates: rates(),
      billingApi: { url: '/v1/billing/requests', requestIdHeader: 'Inference-Id', delayMs: 5_000 },
    });
    expect(plugin.billingApi).toEqual({
      url: '/v1/billing/requests',
      requestIdHeader: 'Inference-Id',
      delayMs: 5_000,
    });
    expect(createOpenAICompatiblePlugin({ ...options, rates: rates() }).billingApi).toBeUndefined();
    const error = thrown(() =>
      createOpenAICompatiblePlugin({
        ...options,
        rates: rates(),
        billingApi: { url: 'billing', requestIdHeader: 'Inference-Id' },
      }),
    );
    expect(PluginDefinitionError.isInstance(error)).toBe(true);
  });
});
