import { describe, expect, it } from 'vitest';
import { defineProviderPlugin } from './define-provider-plugin.js';
import { PluginDefinitionError } from './errors/plugin-definition-error.js';
import type { ProviderPluginDefinitionV1 } from './v1/provider-plugin-v1.js';

const valid: ProviderPluginDefinitionV1 = {
  specificationVersion: 'v1',
  id: 'billed-provider',
  displayName: 'Billed',
  version: '1.0.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: [],
    apiKeyRequired: false,
    baseUrl: 'https://api.example.com',
    auth: { kind: 'bearer' },
  },
  tasks: {
    conversational: {
      kind: 'sync',
      mapRequest: () => ({
        method: 'POST',
        path: '/v1/chat/completions',
        body: { kind: 'none' },
        expect: 'json',
      }),
      mapResponse: () => ({ output: {}, usage: {} }),
    },
  },
  models: [{ hfModelId: 'org/model', providerModelId: 'model', task: 'conversational', status: 'live' }],
  rates: {
    kind: 'static',
    table: { asOf: '2026-11-01', sourceUrl: 'https://example.com/pricing', currency: 'USD', models: {} },
  },
  billing: 'integrated',
};

function problemsOf(definition: ProviderPluginDefinitionV1): readonly string[] {
  try {
    defineProviderPlugin(definition);
  } catch (error) {
    if (PluginDefinitionError.isInstance(error)) return error.problems;
    throw error;
  }
  return [];
}

describe('defineProviderPlugin: billingApi', () => {
  it('is optional: a plugin without it is valid, as before', () => {
    expect(problemsOf(valid)).toEqual([]);
    expect(defineProviderPlugin(valid).billingApi).toBeUndefined();
  });

  it('accepts a path or an absolute URL, a header name and a delay, and freezes them', () => {
    const plugin = defineProviderPlugin({
      ...valid,
      billingApi: { url: '/v1/billing/requests', requestIdHeader: 'Inference-Id', delayMs: 60_000 },
    });
    expect(plugin.billingApi).toEqual({
      url: '/v1/billing/requests',
      requestIdHeader: 'Inference-Id',
      delayMs: 60_000,
    });
    expect(Object.isFrozen(plugin.billingApi)).toBe(true);
    expect(
      problemsOf({
        ...valid,
        billingApi: { url: 'https://billing.example.com/costs', requestIdHeader: 'x-id' },
      }),
    ).toEqual([]);
  });

  it('names every problem of a bad declaration', () => {
    expect(
      problemsOf({
        ...valid,
        billing: 'estimated',
        billingApi: { url: 'billing', requestIdHeader: 'Inference Id', delayMs: -1 },
      }),
    ).toEqual([
      "billingApi.url must be a path such as '/v1/billing/requests' or an http(s) URL",
      "billingApi.requestIdHeader must be a header name such as 'Inference-Id'",
      'billingApi.delayMs must be a whole number of milliseconds below the 30-minute deadline',
      "billingApi needs billing 'integrated'",
    ]);
    expect(
      problemsOf({
        ...valid,
        billingApi: { url: 'ftp://x', requestIdHeader: 'id', delayMs: 31 * 60 * 1000 },
      }),
    ).toHaveLength(2);
  });
});
