import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { sambanovaPlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

describe('the SambaNova plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(sambanovaPlugin);
    expect(isProviderPlugin(sambanovaPlugin)).toBe(true);
    expect(validatePluginDefinition(sambanovaPlugin)).toEqual([]);
  });

  it('matches the id its package.json declares, and calls SambaNova with a bearer key', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: sambanovaPlugin.id });
    expect(sambanovaPlugin.settings).toMatchObject({
      apiKeyEnvVars: ['SAMBANOVA_API_KEY'],
      baseUrl: 'https://api.sambanova.ai',
      auth: { kind: 'bearer' },
    });
  });

  it('has a rate card for every mapped model, and no card for an unmapped one', () => {
    const cards = sambanovaPlugin.rates.table.models;
    for (const mapping of sambanovaPlugin.models) {
      expect(cards[mapping.providerModelId], mapping.providerModelId).toMatchObject(
        mapping.task === 'feature-extraction'
          ? { inputPerMillionTokens: expect.any(String) }
          : { inputPerMillionTokens: expect.any(String), outputPerMillionTokens: expect.any(String) },
      );
    }
    expect(Object.keys(cards).sort()).toEqual(
      [...new Set(sambanovaPlugin.models.map((mapping) => mapping.providerModelId))].sort(),
    );
  });

  it("routes only to SambaNova's production models, keeping preview models in staging", () => {
    const byStatus = (status: string) =>
      sambanovaPlugin.models.filter((mapping) => mapping.status === status).map((m) => m.providerModelId);
    expect(byStatus('live')).toEqual([
      'Meta-Llama-3.3-70B-Instruct',
      'gpt-oss-120b',
      'DeepSeek-V3.1',
      'E5-Mistral-7B-Instruct',
    ]);
    expect(byStatus('staging')).toEqual(['DeepSeek-V3.2', 'MiniMax-M3']);
  });

  it("embeds on /v1/embeddings under SambaNova's model name", () => {
    const handler = sambanovaPlugin.tasks['feature-extraction'];
    if (handler?.kind !== 'sync') throw new Error('feature-extraction must be sync');
    const request = handler.mapRequest({
      input: { inputs: ['a', 'b'] },
      context: {
        requestId: 'r',
        providerId: 'sambanova',
        hfModelId: 'intfloat/e5-mistral-7b-instruct',
        providerModelId: 'E5-Mistral-7B-Instruct',
      },
    });
    expect(request).toMatchObject({
      path: '/v1/embeddings',
      body: { kind: 'json', value: { model: 'E5-Mistral-7B-Instruct', input: ['a', 'b'] } },
    });
  });
});
