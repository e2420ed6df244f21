import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { togetherPlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

describe('the Together plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(togetherPlugin);
    expect(isProviderPlugin(togetherPlugin)).toBe(true);
    expect(validatePluginDefinition(togetherPlugin)).toEqual([]);
  });

  it('matches the id its package.json declares, and calls Together with a bearer key', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: togetherPlugin.id });
    expect(togetherPlugin.settings).toMatchObject({
      apiKeyEnvVars: ['TOGETHER_API_KEY'],
      baseUrl: 'https://api.together.xyz',
      auth: { kind: 'bearer' },
    });
  });

  it('has a rate card of the right unit for every mapped model, and no card for an unmapped one', () => {
    const cards = togetherPlugin.rates.table.models;
    const unit: Record<string, object> = {
      conversational: {
        inputPerMillionTokens: expect.any(String),
        outputPerMillionTokens: expect.any(String),
      },
      'text-generation': {
        inputPerMillionTokens: expect.any(String),
        outputPerMillionTokens: expect.any(String),
      },
      'feature-extraction': { inputPerMillionTokens: expect.any(String) },
      'text-to-image': { perMegapixel: expect.any(String) },
      'automatic-speech-recognition': { perAudioSecond: expect.any(String) },
    };
    for (const mapping of togetherPlugin.models) {
      const card = cards[mapping.providerModelId];
      if (mapping.task === 'text-to-video' || mapping.task === 'image-to-video') {
        // Billed at the cost each finished job states; no list price is claimed.
        expect(card, mapping.providerModelId).toEqual({});
        continue;
      }
      if (mapping.task === 'text-to-speech') {
        // Priced per character, which no rate card field measures: no card fields, and never routed.
        expect(card, mapping.providerModelId).toEqual({});
        expect(mapping.status).toBe('staging');
        continue;
      }
      expect(card, mapping.providerModelId).toMatchObject(unit[mapping.task]!);
    }
    expect(Object.keys(cards).sort()).toEqual(
      [...new Set(togetherPlugin.models.map((mapping) => mapping.providerModelId))].sort(),
    );
  });

  it('maps FLUX.1-dev and FLUX.1-schnell for text-to-image and Whisper for transcription, live', () => {
    for (const [hfModelId, task] of [
      ['black-forest-labs/FLUX.1-dev', 'text-to-image'],
      ['black-forest-labs/FLUX.1-schnell', 'text-to-image'],
      ['openai/whisper-large-v3', 'automatic-speech-recognition'],
    ] as const) {
      expect(togetherPlugin.models).toContainEqual(
        expect.objectContaining({ hfModelId, providerModelId: hfModelId, task, status: 'live' }),
      );
    }
  });

  it('maps Llama 3.3 70B to Together Turbo, live', () => {
    expect(togetherPlugin.models).toContainEqual(
      expect.objectContaining({
        hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
        providerModelId: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
        task: 'conversational',
        status: 'live',
      }),
    );
  });
});
