import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { deepinfraPlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

describe('the DeepInfra plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(deepinfraPlugin);
    expect(isProviderPlugin(deepinfraPlugin)).toBe(true);
    expect(validatePluginDefinition(deepinfraPlugin)).toEqual([]);
  });

  it('matches the id its package.json declares, and calls DeepInfra with a bearer key', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: deepinfraPlugin.id });
    expect(deepinfraPlugin.settings).toMatchObject({
      apiKeyEnvVars: ['DEEPINFRA_API_KEY', 'DEEPINFRA_TOKEN'],
      baseUrl: 'https://api.deepinfra.com',
      auth: { kind: 'bearer' },
    });
  });

  it('has a rate card of the right unit for every mapped model, and no card for an unmapped one', () => {
    const cards = deepinfraPlugin.rates.table.models;
    const tokens = { inputPerMillionTokens: expect.any(String), outputPerMillionTokens: expect.any(String) };
    const unit: Record<string, object> = {
      conversational: tokens,
      'text-generation': tokens,
      'feature-extraction': { inputPerMillionTokens: expect.any(String) },
      'automatic-speech-recognition': { perAudioSecond: expect.any(String) },
    };
    for (const mapping of deepinfraPlugin.models) {
      const card = cards[mapping.providerModelId];
      if (mapping.task === 'text-to-speech') {
        // Priced per character, which no rate card field measures: no card fields, and never routed.
        expect(card, mapping.providerModelId).toEqual({});
        expect(mapping.status).toBe('staging');
        continue;
      }
      expect(card, mapping.providerModelId).toMatchObject(unit[mapping.task]!);
    }
    expect(Object.keys(cards).sort()).toEqual(
      [...new Set(deepinfraPlugin.models.map((mapping) => mapping.providerModelId))].sort(),
    );
  });

  it('serves every task under /v1/openai', () => {
    expect(Object.keys(deepinfraPlugin.tasks).sort()).toEqual([
      'automatic-speech-recognition',
      'conversational',
      'feature-extraction',
      'text-generation',
      'text-to-speech',
    ]);
    const context = { requestId: 'r', providerId: 'deepinfra', hfModelId: 'm', providerModelId: 'm' };
    const paths = Object.entries({
      'text-generation': { inputs: 'Hi' },
      'feature-extraction': { inputs: 'Hi' },
      'text-to-speech': { inputs: 'Hi' },
      'automatic-speech-recognition': {
        inputs: { kind: 'bytes', bytes: new Uint8Array([1]), contentType: 'audio/wav' },
      },
    }).map(([task, input]) => {
      const handler = deepinfraPlugin.tasks[task];
      if (handler?.kind !== 'sync') throw new Error(`${task} must be sync`);
      return handler.mapRequest({ input, context }).path;
    });
    expect(paths).toEqual([
      '/v1/openai/completions',
      '/v1/openai/embeddings',
      '/v1/openai/audio/speech',
      '/v1/openai/audio/transcriptions',
    ]);
  });

  it('uses the Hub ids as DeepInfra model ids and prices GLM-4.7 cache hits', () => {
    for (const mapping of deepinfraPlugin.models) expect(mapping.providerModelId).toBe(mapping.hfModelId);
    expect(deepinfraPlugin.rates.table.models['zai-org/GLM-4.7']).toEqual({
      inputPerMillionTokens: '0.43',
      outputPerMillionTokens: '1.75',
      cachedInputPerMillionTokens: '0.08',
    });
  });
});
