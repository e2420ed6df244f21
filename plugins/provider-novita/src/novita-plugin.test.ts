import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { novitaPlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

describe('the Novita plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(novitaPlugin);
    expect(isProviderPlugin(novitaPlugin)).toBe(true);
    expect(validatePluginDefinition(novitaPlugin)).toEqual([]);
  });

  it('matches the id its package.json declares, and calls Novita with a bearer key', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: novitaPlugin.id });
    expect(novitaPlugin.settings).toMatchObject({
      apiKeyEnvVars: ['NOVITA_API_KEY'],
      baseUrl: 'https://api.novita.ai',
      auth: { kind: 'bearer' },
    });
  });

  it('declares chat and text-to-video, the video task queued', () => {
    expect(Object.keys(novitaPlugin.tasks).sort()).toEqual(['conversational', 'text-to-video']);
    expect(novitaPlugin.tasks['text-to-video']?.kind).toBe('queued');
  });

  it('has a rate card in the right unit for every mapped model, and no card for an unmapped one', () => {
    const cards = novitaPlugin.rates.table.models;
    for (const mapping of novitaPlugin.models) {
      const expected =
        mapping.task === 'conversational'
          ? { inputPerMillionTokens: expect.any(String), outputPerMillionTokens: expect.any(String) }
          : { perRequest: expect.any(String) };
      expect(cards[mapping.providerModelId], mapping.providerModelId).toMatchObject(expected);
    }
    expect(Object.keys(cards).sort()).toEqual(
      [...new Set(novitaPlugin.models.map((mapping) => mapping.providerModelId))].sort(),
    );
  });

  it("maps chat Hub ids to Novita's lower-case ids", () => {
    for (const mapping of novitaPlugin.models.filter((candidate) => candidate.task === 'conversational')) {
      expect(mapping.providerModelId).toBe(mapping.hfModelId.toLowerCase());
    }
  });
});
