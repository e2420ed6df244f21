import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { wavespeedPlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

/** A decimal dollar string in whole micro-dollars, read digit by digit so no floating point is involved. */
function micros(usd = '0'): number {
  const [whole = '0', fraction = ''] = usd.split('.');
  return Number.parseInt(whole, 10) * 1_000_000 + Number.parseInt(fraction.padEnd(6, '0').slice(0, 6), 10);
}

describe('the WaveSpeed plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(wavespeedPlugin);
    expect(isProviderPlugin(wavespeedPlugin)).toBe(true);
    expect(validatePluginDefinition(wavespeedPlugin)).toEqual([]);
  });

  it('matches the id its package.json declares, and calls WaveSpeed with a bearer key', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: wavespeedPlugin.id });
    expect(wavespeedPlugin.settings).toMatchObject({
      apiKeyEnvVars: ['WAVESPEED_API_KEY'],
      baseUrl: 'https://api.wavespeed.ai',
      auth: { kind: 'bearer' },
    });
  });

  it('declares exactly the image and video tasks, all queued, and maps a model for each', () => {
    expect(Object.keys(wavespeedPlugin.tasks).sort()).toEqual([
      'image-to-image',
      'image-to-video',
      'text-to-image',
      'text-to-video',
    ]);
    for (const [task, handler] of Object.entries(wavespeedPlugin.tasks)) {
      expect(handler?.kind, task).toBe('queued');
      expect(
        wavespeedPlugin.models.some((mapping) => mapping.task === task),
        task,
      ).toBe(true);
    }
  });

  it('prices every mapped model in the unit its task is billed in, and no unmapped one', () => {
    const cards = wavespeedPlugin.rates.table.models;
    for (const mapping of wavespeedPlugin.models) {
      const card = cards[mapping.providerModelId];
      if (mapping.task.endsWith('-to-image'))
        expect(card, mapping.providerModelId).toHaveProperty('perImage');
      else expect(card?.perRequest ?? card?.perVideoSecond, mapping.providerModelId).toBeDefined();
    }
    expect(Object.keys(cards).sort()).toEqual(wavespeedPlugin.models.map((m) => m.providerModelId).sort());
  });

  it("reproduces Wan 2.1 480p's published clip prices: $0.20 for 5 s and $0.30 for 10 s", () => {
    const card = wavespeedPlugin.rates.table.models['wavespeed-ai/wan-2.1/t2v-480p'];
    const clip = (seconds: number) => micros(card?.perRequest) + seconds * micros(card?.perVideoSecond);
    expect(clip(5)).toBe(200_000);
    expect(clip(10)).toBe(300_000);
  });

  it('maps FLUX.1-dev and FLUX.1-schnell to their WaveSpeed ids', () => {
    const ids = Object.fromEntries(wavespeedPlugin.models.map((m) => [m.hfModelId, m.providerModelId]));
    expect(ids['black-forest-labs/FLUX.1-dev']).toBe('wavespeed-ai/flux-dev');
    expect(ids['black-forest-labs/FLUX.1-schnell']).toBe('wavespeed-ai/flux-schnell');
  });
});
