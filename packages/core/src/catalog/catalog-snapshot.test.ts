import { describe, expect, it } from 'vitest';
import type { CatalogMappingRecord } from '../store/catalog-repository.js';
import { CatalogSnapshot } from './catalog-snapshot.js';

const createdAt = '2026-11-01T00:00:00.000Z';
let next = 0;
function single(
  providerId: string,
  hfModelId: string,
  providerModelId: string,
  overrides: Partial<CatalogMappingRecord> = {},
): CatalogMappingRecord {
  next += 1;
  return {
    id: `mapping-${next}`,
    type: 'single',
    hfModelId,
    providerId,
    providerModelId,
    task: 'conversational',
    status: 'live',
    origin: 'plugin',
    adapter: null,
    adapterWeightsPath: null,
    metadata: {},
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  } as CatalogMappingRecord;
}

const llama = 'meta-llama/Llama-3.3-70B-Instruct';

describe('CatalogSnapshot', () => {
  const records = [
    single('together', llama, 'together-llama'),
    single('groq', llama, 'groq-llama'),
    single('groq', llama, 'groq-llama-completions', { task: 'text-generation' }),
    single('groq', 'openai/gpt-oss-120b', 'gpt-oss'),
    single('not-installed', llama, 'elsewhere', { origin: 'partner' }),
    {
      ...single('fal-ai', 'unused', 'fal-ai/flux-lora', { task: 'text-to-image', origin: 'partner' }),
      type: 'tag-filter',
      tags: ['base_model:adapter:black-forest-labs/FLUX.1-dev', 'lora'],
      hfModelId: undefined,
    } as unknown as CatalogMappingRecord,
    single('fal-ai', 'user/flux-style-lora', 'fal-ai/flux-lora', {
      task: 'text-to-image',
      adapter: 'lora',
      adapterWeightsPath: 'style.safetensors',
      metadata: { outputModalities: ['image'] },
    }),
  ];
  const snapshot = CatalogSnapshot.fromRecords(records, ['groq', 'together', 'fal-ai']);

  it("lists a model's mappings in provider registration order, and narrows them by task", () => {
    expect(snapshot.entriesFor(llama).map((entry) => entry.providerModelId)).toEqual([
      'groq-llama',
      'groq-llama-completions',
      'together-llama',
    ]);
    expect(snapshot.entriesFor(llama, 'conversational').map((entry) => entry.providerId)).toEqual([
      'groq',
      'together',
    ]);
    expect(snapshot.entriesFor(llama, 'text-to-image')).toEqual([]);
    expect(snapshot.entriesFor('nobody/serves-this')).toEqual([]);
  });

  it('answers repeated reads with the same arrays, so routing allocates nothing', () => {
    expect(snapshot.entriesFor(llama, 'conversational')).toBe(snapshot.entriesFor(llama, 'conversational'));
    expect(snapshot.entriesFor(llama)).toBe(snapshot.entriesFor(llama));
    expect(snapshot.entriesFor('nobody/serves-this', 'conversational')).toBe(snapshot.entriesFor('x'));
  });

  it('finds the mapping of a provider model id, for a task or the first one', () => {
    expect(snapshot.entryForProviderModel('groq', 'groq-llama')).toMatchObject({ hfModelId: llama });
    expect(snapshot.entryForProviderModel('groq', 'groq-llama-completions', 'text-generation')).toMatchObject(
      {
        task: 'text-generation',
      },
    );
    expect(snapshot.entryForProviderModel('groq', 'groq-llama', 'text-generation')).toBeUndefined();
    expect(snapshot.entryForProviderModel('together', 'groq-llama')).toBeUndefined();
  });

  it('lists every mapping of a provider model id, for Hub models that share one', () => {
    const shared = CatalogSnapshot.fromRecords(
      [
        single('groq', llama, 'groq-llama'),
        single('groq', 'acme/llama-tuned', 'groq-llama', { status: 'staging', origin: 'partner' }),
      ],
      ['groq'],
    );
    expect(shared.entriesForProviderModel('groq', 'groq-llama').map((entry) => entry.hfModelId)).toEqual([
      'acme/llama-tuned',
      llama,
    ]);
    expect(shared.entriesForProviderModel('groq', 'groq-llama', 'text-generation')).toEqual([]);
    expect(shared.entriesForProviderModel('together', 'groq-llama')).toEqual([]);
  });

  it('tells whether any mapping is in staging', () => {
    expect(snapshot.hasStagingEntries()).toBe(false);
    const staged = CatalogSnapshot.fromRecords([single('groq', llama, 'x', { status: 'staging' })], ['groq']);
    expect(staged.hasStagingEntries()).toBe(true);
    // A staging mapping of a provider this instance cannot call changes nothing here.
    const elsewhere = CatalogSnapshot.fromRecords(
      [single('not-installed', llama, 'x', { status: 'staging' })],
      ['groq'],
    );
    expect(elsewhere.hasStagingEntries()).toBe(false);
  });

  it('carries id, origin, adapter and metadata into entries, and leaves absent adapter fields out', () => {
    const [lora] = snapshot.entriesFor('user/flux-style-lora', 'text-to-image');
    expect(lora).toEqual({
      id: expect.stringMatching(/^mapping-/),
      providerId: 'fal-ai',
      hfModelId: 'user/flux-style-lora',
      providerModelId: 'fal-ai/flux-lora',
      task: 'text-to-image',
      status: 'live',
      origin: 'plugin',
      adapter: 'lora',
      adapterWeightsPath: 'style.safetensors',
      metadata: { outputModalities: ['image'] },
    });
    expect(Object.keys(snapshot.entriesFor(llama)[0] ?? {})).not.toContain('adapter');
  });

  it('leaves out providers this instance has no plugin for', () => {
    expect(snapshot.allEntries().some((entry) => entry.providerId === 'not-installed')).toBe(false);
  });

  it('keeps tag filters apart: listed, never routed', () => {
    expect(snapshot.tagFilterMappings()).toHaveLength(1);
    expect(snapshot.tagFilterMappings()[0]).toMatchObject({ type: 'tag-filter', providerId: 'fal-ai' });
    expect(snapshot.allEntries().every((entry) => typeof entry.hfModelId === 'string')).toBe(true);
    expect(snapshot.allEntries()).toHaveLength(5);
  });
});
