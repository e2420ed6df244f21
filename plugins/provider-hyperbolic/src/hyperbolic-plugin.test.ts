import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { hyperbolicPlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

describe('the Hyperbolic plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(hyperbolicPlugin);
    expect(isProviderPlugin(hyperbolicPlugin)).toBe(true);
    expect(validatePluginDefinition(hyperbolicPlugin)).toEqual([]);
  });

  it('matches the id its package.json declares, and calls Hyperbolic with a bearer key', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: hyperbolicPlugin.id });
    expect(hyperbolicPlugin.settings).toMatchObject({
      apiKeyEnvVars: ['HYPERBOLIC_API_KEY'],
      baseUrl: 'https://api.hyperbolic.xyz',
      auth: { kind: 'bearer' },
    });
  });

  it('has a rate card for every mapped model, and no card for an unmapped one', () => {
    const cards = hyperbolicPlugin.rates.table.models;
    for (const mapping of hyperbolicPlugin.models) {
      expect(cards[mapping.providerModelId], mapping.providerModelId).toMatchObject(
        mapping.task === 'text-to-image'
          ? { perImage: expect.any(String) }
          : { inputPerMillionTokens: expect.any(String), outputPerMillionTokens: expect.any(String) },
      );
    }
    expect(Object.keys(cards).sort()).toEqual(
      [...new Set(hyperbolicPlugin.models.map((mapping) => mapping.providerModelId))].sort(),
    );
  });

  it('charges one price for input and output tokens alike', () => {
    for (const [model, card] of Object.entries(hyperbolicPlugin.rates.table.models)) {
      expect(card.outputPerMillionTokens, model).toBe(card.inputPerMillionTokens);
    }
  });
});
