import { defineProviderPlugin, type ProviderPluginDefinitionV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { billingApiOf } from './provider-billing-api-of.js';

const definition: ProviderPluginDefinitionV1 = {
  specificationVersion: 'v1',
  id: 'vllm',
  displayName: 'vLLM',
  version: '1.0.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: [],
    apiKeyRequired: false,
    baseUrl: 'http://127.0.0.1:8000',
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
  models: [],
  rates: {
    kind: 'static',
    table: { asOf: '2026-11-01', sourceUrl: 'https://x.test', currency: 'USD', models: {} },
  },
  billing: 'integrated',
};
const declared = { url: '/billing', requestIdHeader: 'Inference-Id' };

describe('billingApiOf', () => {
  it("takes the operator's billing API over the plugin's, and false turns the plugin's off", () => {
    const plain = defineProviderPlugin(definition);
    const billed = defineProviderPlugin({ ...definition, billingApi: declared });
    const configured = { url: 'https://billing.internal/costs', requestIdHeader: 'x-id', delayMs: 1_000 };

    expect(billingApiOf(plain, {})).toBeUndefined();
    expect(billingApiOf(billed, {})).toEqual(declared);
    expect(billingApiOf(plain, { vllm: { billingApi: configured } })).toEqual(configured);
    expect(billingApiOf(billed, { vllm: { billingApi: false } })).toBeUndefined();
  });

  it('refuses an invalid configured one, naming it', () => {
    expect(() =>
      billingApiOf(defineProviderPlugin(definition), {
        vllm: { billingApi: { url: 'no-slash', requestIdHeader: 'Inference-Id' } },
      }),
    ).toThrow(/providers\.vllm\.billingApi\.url/);
  });
});
