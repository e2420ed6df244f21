import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { zaiOrgPlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

describe('the Z.ai plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(zaiOrgPlugin);
    expect(isProviderPlugin(zaiOrgPlugin)).toBe(true);
    expect(validatePluginDefinition(zaiOrgPlugin)).toEqual([]);
  });

  it('matches the id its package.json declares, and calls Z.ai with a bearer key and its channel headers', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: zaiOrgPlugin.id });
    expect(zaiOrgPlugin.settings).toMatchObject({
      apiKeyEnvVars: ['ZAI_API_KEY'],
      baseUrl: 'https://api.z.ai',
      auth: { kind: 'bearer' },
      headers: { 'x-source-channel': 'hugging_face', 'accept-language': 'en-US,en' },
    });
  });

  it('declares chat and text-to-image, the image task queued', () => {
    expect(Object.keys(zaiOrgPlugin.tasks).sort()).toEqual(['conversational', 'text-to-image']);
    expect(zaiOrgPlugin.tasks['text-to-image']?.kind).toBe('queued');
  });

  it('has a rate card in the right unit for every mapped model, and no card for an unmapped one', () => {
    const cards = zaiOrgPlugin.rates.table.models;
    for (const mapping of zaiOrgPlugin.models) {
      const expected =
        mapping.task === 'conversational'
          ? { inputPerMillionTokens: expect.any(String), outputPerMillionTokens: expect.any(String) }
          : { perImage: expect.any(String) };
      expect(cards[mapping.providerModelId], mapping.providerModelId).toMatchObject(expected);
    }
    expect(Object.keys(cards).sort()).toEqual(
      [...new Set(zaiOrgPlugin.models.map((mapping) => mapping.providerModelId))].sort(),
    );
  });

  it("maps Hub ids to Z.ai's lower-case glm ids", () => {
    for (const mapping of zaiOrgPlugin.models) {
      expect(mapping.providerModelId).toBe(mapping.hfModelId.replace('zai-org/', '').toLowerCase());
    }
  });
});
