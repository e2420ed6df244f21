import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { replicatePlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

describe('the Replicate plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(replicatePlugin);
    expect(isProviderPlugin(replicatePlugin)).toBe(true);
    expect(validatePluginDefinition(replicatePlugin)).toEqual([]);
  });

  it('matches the id its package.json declares, and calls Replicate with a bearer token', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: replicatePlugin.id });
    expect(replicatePlugin.settings).toMatchObject({
      apiKeyEnvVars: ['REPLICATE_API_TOKEN', 'REPLICATE_API_KEY'],
      baseUrl: 'https://api.replicate.com',
      auth: { kind: 'bearer' },
    });
  });

  it('declares exactly the tasks Replicate serves, each queued', () => {
    expect(Object.keys(replicatePlugin.tasks).sort()).toEqual([
      'automatic-speech-recognition',
      'image-to-image',
      'text-to-image',
      'text-to-speech',
      'text-to-video',
    ]);
    for (const handler of Object.values(replicatePlugin.tasks)) expect(handler?.kind).toBe('queued');
  });

  it('maps FLUX.1 dev and schnell to the official models, and has one rate card per mapped model', () => {
    expect(replicatePlugin.models).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          hfModelId: 'black-forest-labs/FLUX.1-dev',
          providerModelId: 'black-forest-labs/flux-dev',
          task: 'text-to-image',
          status: 'live',
        }),
        expect.objectContaining({
          hfModelId: 'black-forest-labs/FLUX.1-schnell',
          providerModelId: 'black-forest-labs/flux-schnell',
          task: 'text-to-image',
          status: 'live',
        }),
      ]),
    );
    const cards = replicatePlugin.rates.table.models;
    expect(Object.keys(cards).sort()).toEqual(
      replicatePlugin.models.map((mapping) => mapping.providerModelId).sort(),
    );
    for (const task of Object.keys(replicatePlugin.tasks)) {
      expect(
        replicatePlugin.models.some((mapping) => mapping.task === task && mapping.status === 'live'),
        task,
      ).toBe(true);
    }
  });

  it('prices each model in one unit: images for FLUX, run time for community models, one video for Wan', () => {
    const cards = replicatePlugin.rates.table.models;
    for (const mapping of replicatePlugin.models) {
      const card = cards[mapping.providerModelId] ?? {};
      expect(Object.keys(card), mapping.providerModelId).toHaveLength(1);
      if (mapping.task.endsWith('-to-image')) expect(card.perImage, mapping.providerModelId).toBeDefined();
      if (mapping.providerModelId.includes(':'))
        expect(card.perComputeSecond, mapping.providerModelId).toBeDefined();
    }
    expect(cards['wan-video/wan-2.2-5b-fast']).toEqual({ perRequest: expect.any(String) });
  });
});
