import {
  CatalogSnapshot,
  type MeasuredPerformance,
  type PricingService,
  type ProviderRuntimeSettings,
} from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { listChatModels } from './list-chat-models.js';

const now = '2026-12-01T00:00:00.000Z';
const record = (providerId: string, hfModelId: string, metadata = {}) => ({
  id: `${providerId}-${hfModelId}`,
  type: 'single' as const,
  providerId,
  hfModelId,
  providerModelId: hfModelId.toLowerCase(),
  task: 'conversational' as const,
  status: 'live' as const,
  origin: 'plugin' as const,
  adapter: null,
  adapterWeightsPath: null,
  metadata,
  createdAt: now,
  updatedAt: now,
});
const catalog = CatalogSnapshot.fromRecords(
  [
    record('zai-org', 'zai-org/GLM-4.6', { supportsTools: true, supportsStructuredOutput: false }),
    record('groq', 'zai-org/GLM-4.6', { supportsTools: true }),
  ],
  ['zai-org', 'groq'],
);
const pricing = {
  inputPricePerMillionTokens: () => undefined,
  outputPricePerMillionTokens: () => undefined,
} as unknown as PricingService;
const routable = { enabled: true, unavailableReason: undefined } as ProviderRuntimeSettings;
const settings = new Map([
  ['zai-org', routable],
  ['groq', routable],
]);
const measured = (figures: Partial<MeasuredPerformance>): MeasuredPerformance => ({
  firstTokenLatencyMs: undefined,
  outputTokensPerSecond: undefined,
  health: 'unknown',
  supportsTools: undefined,
  supportsStructuredOutput: undefined,
  sampleCount: 1,
  updatedAt: now,
  ...figures,
});

describe('listChatModels', () => {
  it('reports measured speed, the prober’s verdict and what it found over declared metadata', () => {
    const figures: Record<string, MeasuredPerformance> = {
      'zai-org': measured({
        firstTokenLatencyMs: 611.4,
        outputTokensPerSecond: 40.126,
        health: 'healthy',
        supportsStructuredOutput: true,
      }),
      groq: measured({ health: 'unhealthy', supportsTools: false }),
    };
    const [model] = listChatModels({
      catalog,
      pricing,
      settings,
      created: 1,
      performance: { of: (providerId) => figures[providerId] },
    });
    expect(model?.providers).toEqual([
      {
        provider: 'zai-org',
        status: 'live',
        supports_tools: true,
        supports_structured_output: true,
        first_token_latency_ms: 611,
        throughput: 40.13,
        is_model_author: true,
      },
      { provider: 'groq', status: 'error', supports_tools: false, is_model_author: false },
    ]);
  });
});
