import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { nscalePlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

describe('the Nscale plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(nscalePlugin);
    expect(isProviderPlugin(nscalePlugin)).toBe(true);
    expect(validatePluginDefinition(nscalePlugin)).toEqual([]);
  });

  it('matches the id its package.json declares, and calls Nscale with a bearer key', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: nscalePlugin.id });
    expect(nscalePlugin.settings).toMatchObject({
      apiKeyEnvVars: ['NSCALE_API_KEY', 'NSCALE_SERVICE_TOKEN'],
      baseUrl: 'https://inference.api.nscale.com',
      auth: { kind: 'bearer' },
    });
  });

  it('has a rate card for every mapped model, and no card for an unmapped one', () => {
    const cards = nscalePlugin.rates.table.models;
    for (const mapping of nscalePlugin.models) {
      expect(cards[mapping.providerModelId], mapping.providerModelId).toMatchObject(
        mapping.task === 'text-to-image'
          ? { perMegapixel: expect.any(String) }
          : { inputPerMillionTokens: expect.any(String), outputPerMillionTokens: expect.any(String) },
      );
    }
    expect(Object.keys(cards).sort()).toEqual(
      [...new Set(nscalePlugin.models.map((mapping) => mapping.providerModelId))].sort(),
    );
  });

  it('bills as estimated, since its rate cards are estimates rather than Nscale-published prices', () => {
    expect(nscalePlugin.billing).toBe('estimated');
  });

  it('asks FLUX.1-schnell for base64 at OpenAI sizes and decodes the PNG it answers', () => {
    const handler = nscalePlugin.tasks['text-to-image'];
    if (handler?.kind !== 'sync') throw new Error('text-to-image must be sync');
    const context = {
      requestId: 'r',
      providerId: 'nscale',
      hfModelId: 'black-forest-labs/FLUX.1-schnell',
      providerModelId: 'black-forest-labs/FLUX.1-schnell',
    };
    const input = { inputs: 'A lighthouse', parameters: { width: 512, height: 512, num_inference_steps: 4 } };
    expect(handler.mapRequest({ input, context }).body).toEqual({
      kind: 'json',
      value: {
        model: 'black-forest-labs/FLUX.1-schnell',
        prompt: 'A lighthouse',
        size: '512x512',
        response_format: 'b64_json',
      },
    });
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAE0lEQVR4nGP4z8DAwAAh/v//DwAg7gX7B6WHCAAAAABJRU5ErkJggg==';
    const result = handler.mapResponse({
      input,
      context,
      response: {
        status: 200,
        headers: {},
        body: { created: 1, data: [{ b64_json: png, revised_prompt: null, url: null }] },
      },
    });
    expect(result.output.images[0]).toMatchObject({ kind: 'bytes', contentType: 'image/png' });
    expect(result.usage).toEqual({ milliMegapixels: 263 });
  });
});
