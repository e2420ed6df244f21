import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { falAiPlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
  keywords: string[];
};

describe('the fal plugin manifest', () => {
  it('is a valid, branded plugin exported by default, with the id its package.json declares', () => {
    expect(defaultExport).toBe(falAiPlugin);
    expect(isProviderPlugin(falAiPlugin)).toBe(true);
    expect(validatePluginDefinition(falAiPlugin)).toEqual([]);
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: 'fal-ai' });
    expect(packageJson.keywords).toContain('tollgate-provider');
  });

  it('calls fal.run with a Key key read from FAL_KEY', () => {
    expect(falAiPlugin.settings).toMatchObject({
      apiKeyEnvVars: ['FAL_KEY', 'FAL_API_KEY'],
      apiKeyRequired: true,
      baseUrl: 'https://fal.run',
      auth: { kind: 'header', header: 'Authorization', prefix: 'Key ' },
    });
  });

  it('queues image and video generation and runs speech synchronously', () => {
    const kinds = Object.fromEntries(
      Object.entries(falAiPlugin.tasks).map(([task, handler]) => [task, handler?.kind]),
    );
    expect(kinds).toEqual({
      'text-to-image': 'queued',
      'image-to-image': 'queued',
      'text-to-video': 'queued',
      'image-to-video': 'queued',
      'automatic-speech-recognition': 'sync',
      'text-to-speech': 'sync',
    });
  });

  it("maps the models Hugging Face routes to fal, to fal's endpoint ids", () => {
    const mapped = falAiPlugin.models.map(({ hfModelId, providerModelId, task }) => [
      hfModelId,
      providerModelId,
      task,
    ]);
    expect(mapped).toEqual(
      expect.arrayContaining([
        ['black-forest-labs/FLUX.1-dev', 'fal-ai/flux/dev', 'text-to-image'],
        ['black-forest-labs/FLUX.1-schnell', 'fal-ai/flux/schnell', 'text-to-image'],
        ['openai/whisper-large-v3', 'fal-ai/whisper', 'automatic-speech-recognition'],
      ]),
    );
    const tasks = new Set(falAiPlugin.models.map((mapping) => mapping.task));
    expect([...tasks].sort()).toEqual(Object.keys(falAiPlugin.tasks).sort());
  });

  it('prices every mapped model in exactly one unit, the one its task is billed in, and no other model', () => {
    const unitFor: Record<string, string> = {
      'text-to-image': 'perMegapixel',
      'image-to-image': 'perMegapixel',
      'text-to-video': 'perVideoSecond',
      'image-to-video': 'perVideoSecond',
      'automatic-speech-recognition': 'perComputeSecond',
      'text-to-speech': 'perRequest',
    };
    const cards = falAiPlugin.rates.table.models;
    for (const mapping of falAiPlugin.models) {
      const card = cards[mapping.providerModelId];
      expect(Object.keys(card ?? {}), mapping.providerModelId).toEqual([unitFor[mapping.task]]);
    }
    expect(Object.keys(cards).sort()).toEqual(
      [...new Set(falAiPlugin.models.map((m) => m.providerModelId))].sort(),
    );
    expect(falAiPlugin.rates.table).toMatchObject({ currency: 'USD', sourceUrl: 'https://fal.ai/pricing' });
  });
});
