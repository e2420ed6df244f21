/** Conformance scenarios for `Store#catalog`: upsert by natural key, find, list, status and delete. */
import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import type { CatalogMappingInput, CatalogMappingRecord, CatalogRepository } from '../catalog-repository.js';
import { expectIsoUtcTimestamp, sampleMapping, sampleTagFilter } from './store-conformance-fixtures.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Oldest first, as `list` promises. */
const oldestFirst = (records: readonly CatalogMappingRecord[]): CatalogMappingRecord[] =>
  [...records].sort((left, right) =>
    left.createdAt === right.createdAt
      ? left.id.localeCompare(right.id)
      : left.createdAt < right.createdAt
        ? -1
        : 1,
  );

/** Registers the catalog record scenarios against the repository `catalog()` returns. */
export function describeCatalogRepositoryConformance(catalog: () => CatalogRepository): void {
  const upsert = async (input: CatalogMappingInput) => (await catalog().upsert(input)).record;

  describe('catalog mappings', () => {
    it('creates a single-model mapping with a UUID id, null adapter, empty metadata and equal timestamps', async () => {
      const before = Date.now();
      const { record, outcome } = await catalog().upsert(sampleMapping());

      expect(outcome).toBe('created');
      expect(record).toEqual({
        id: expect.stringMatching(uuidPattern),
        type: 'single',
        hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
        providerId: 'groq',
        providerModelId: 'llama-3.3-70b-versatile',
        task: 'conversational',
        status: 'live',
        origin: 'plugin',
        adapter: null,
        adapterWeightsPath: null,
        metadata: {},
        createdAt: expect.any(String),
        updatedAt: record.createdAt,
      });
      expectIsoUtcTimestamp(record.createdAt);
      expect(Date.parse(record.createdAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(record.createdAt)).toBeLessThanOrEqual(Date.now());
    });

    it('keeps every field it was given: adapter, weights path and metadata', async () => {
      const input = sampleMapping({
        hfModelId: 'user/flux-lora-style',
        providerId: 'fal-ai',
        providerModelId: 'fal-ai/flux-lora',
        task: 'text-to-image',
        status: 'staging',
        origin: 'partner',
        adapter: 'lora',
        adapterWeightsPath: 'pytorch_lora_weights.safetensors',
        metadata: {
          contextLength: 131_072,
          supportsTools: true,
          supportsStructuredOutput: false,
          inputModalities: ['text', 'image'],
          outputModalities: ['image'],
        },
      });

      const created = await upsert(input);

      expect(created).toMatchObject({ ...input, id: expect.stringMatching(uuidPattern) });
      expect(await catalog().findById(created.id)).toEqual(created);
    });

    it('drops metadata values that are undefined', async () => {
      const created = await upsert(
        sampleMapping({ metadata: { contextLength: undefined, supportsTools: true } }),
      );

      expect(created.metadata).toEqual({ supportsTools: true });
      expect(Object.keys((await catalog().findById(created.id))?.metadata ?? {})).toEqual(['supportsTools']);
    });

    it('finds a mapping by id, and nothing for an unknown id', async () => {
      const created = await upsert(sampleMapping());
      await upsert(sampleMapping({ providerId: 'cerebras' }));

      expect(await catalog().findById(created.id)).toEqual(created);
      expect(await catalog().findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('rewrites the mapping with the same provider, model and task in place, keeping id and createdAt', async () => {
      const created = await upsert(sampleMapping());

      const { record, outcome } = await catalog().upsert(
        sampleMapping({
          providerModelId: 'llama-3.3-70b-specdec',
          status: 'error',
          origin: 'config',
          metadata: { contextLength: 8192 },
        }),
      );

      expect(outcome).toBe('updated');
      expect(record).toEqual({
        ...created,
        providerModelId: 'llama-3.3-70b-specdec',
        status: 'error',
        origin: 'config',
        metadata: { contextLength: 8192 },
        updatedAt: expect.any(String),
      });
      expectIsoUtcTimestamp(record.updatedAt);
      expect(Date.parse(record.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
      expect(await catalog().list()).toEqual([record]);
    });

    it('reports an upsert of identical fields as unchanged and keeps updatedAt', async () => {
      const input = sampleMapping({ metadata: { contextLength: 8192, inputModalities: ['text'] } });
      const created = await upsert(input);

      const again = await catalog().upsert({
        ...input,
        metadata: { inputModalities: ['text'], contextLength: 8192 },
      });

      expect(again).toEqual({ record: created, outcome: 'unchanged' });
      expect(await catalog().findById(created.id)).toEqual(created);
    });

    it('tells mappings apart by provider, Hub model and task', async () => {
      const records = [
        await upsert(sampleMapping()),
        await upsert(sampleMapping({ providerId: 'cerebras' })),
        await upsert(sampleMapping({ hfModelId: 'openai/gpt-oss-120b' })),
        await upsert(sampleMapping({ task: 'text-generation' })),
      ];

      expect(new Set(records.map((record) => record.id)).size).toBe(4);
      expect(await catalog().list()).toEqual(oldestFirst(records));
    });

    it('keeps a tag filter with its tags sorted and unique; the same tag set in another order is the same mapping', async () => {
      const { record, outcome } = await catalog().upsert(
        sampleTagFilter({ tags: ['lora', 'base_model:adapter:black-forest-labs/FLUX.1-dev', 'lora'] }),
      );

      expect(outcome).toBe('created');
      expect(record).toEqual({
        id: expect.stringMatching(uuidPattern),
        type: 'tag-filter',
        tags: ['base_model:adapter:black-forest-labs/FLUX.1-dev', 'lora'],
        providerId: 'fal-ai',
        providerModelId: 'fal-ai/flux-lora',
        task: 'text-to-image',
        status: 'live',
        origin: 'partner',
        adapter: 'lora',
        adapterWeightsPath: null,
        metadata: {},
        createdAt: expect.any(String),
        updatedAt: record.createdAt,
      });
      const reordered = await catalog().upsert(
        sampleTagFilter({
          tags: ['lora', 'base_model:adapter:black-forest-labs/FLUX.1-dev'],
          status: 'staging',
        }),
      );
      expect(reordered.outcome).toBe('updated');
      expect(reordered.record.id).toBe(record.id);
      const otherTags = await upsert(sampleTagFilter({ tags: ['lora'] }));
      expect(otherTags.id).not.toBe(record.id);
      expect(await catalog().findById(record.id)).toEqual(reordered.record);
    });

    it('never confuses a tag filter with a single-model mapping', async () => {
      const single = await upsert(
        sampleMapping({
          hfModelId: 'lora',
          providerId: 'fal-ai',
          providerModelId: 'a',
          task: 'text-to-image',
        }),
      );
      const tagFilter = await upsert(sampleTagFilter({ tags: ['lora'], providerModelId: 'b' }));

      expect(single.id).not.toBe(tagFilter.id);
      expect(await catalog().list({ hfModelId: 'lora' })).toEqual([single]);
      expect(await catalog().findById(tagFilter.id)).toEqual(tagFilter);
    });

    it('rejects an invalid mapping with InputError invalid_catalog_mapping and writes nothing', async () => {
      const invalid = [
        sampleMapping({ hfModelId: '' }),
        sampleMapping({ providerModelId: '' }),
        sampleMapping({ providerId: '' }),
        sampleTagFilter({ tags: [] }),
        sampleMapping({ status: 'paused' as 'live' }),
      ];

      for (const input of invalid) {
        const error = await catalog()
          .upsert(input)
          .catch((rejection: unknown) => rejection);
        expect(InputError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ status: 400, code: 'invalid_catalog_mapping' });
      }
      expect(await catalog().list()).toEqual([]);
    });

    it('leaves a record whose origin is in keepOrigins as it is, and rewrites it otherwise', async () => {
      const partner = await upsert(
        sampleMapping({ origin: 'partner', providerModelId: 'from-the-provider' }),
      );
      const seeded = sampleMapping({ origin: 'plugin', providerModelId: 'from-the-plugin' });

      expect(await catalog().upsert(seeded, { keepOrigins: ['partner'] })).toEqual({
        record: partner,
        outcome: 'kept',
      });
      expect(await catalog().findById(partner.id)).toEqual(partner);

      const { record, outcome } = await catalog().upsert(seeded, { keepOrigins: ['config'] });
      expect(outcome).toBe('updated');
      expect(record).toMatchObject({ id: partner.id, origin: 'plugin', providerModelId: 'from-the-plugin' });
    });

    it('lists nothing in a new store', async () => {
      expect(await catalog().list()).toEqual([]);
    });

    it('lists every mapping oldest first', async () => {
      const records: CatalogMappingRecord[] = [];
      for (const providerId of ['together', 'groq', 'cerebras', 'nebius']) {
        records.push(await upsert(sampleMapping({ providerId })));
      }
      records.push(await upsert(sampleTagFilter()));

      expect(await catalog().list()).toEqual(oldestFirst(records));
    });

    it('filters the list by provider, Hub model, status, task and origin, each and together', async () => {
      const groqLlama = await upsert(sampleMapping());
      const groqGptOss = await upsert(
        sampleMapping({ hfModelId: 'openai/gpt-oss-120b', status: 'staging', origin: 'partner' }),
      );
      const cerebrasLlama = await upsert(sampleMapping({ providerId: 'cerebras', origin: 'config' }));
      const falFlux = await upsert(
        sampleMapping({
          providerId: 'fal-ai',
          hfModelId: 'black-forest-labs/FLUX.1-dev',
          task: 'text-to-image',
          status: 'error',
        }),
      );
      const falLora = await upsert(sampleTagFilter());
      const list = (filter: Parameters<CatalogRepository['list']>[0]) => catalog().list(filter);

      expect(await list({ providerId: 'groq' })).toEqual(oldestFirst([groqLlama, groqGptOss]));
      expect(await list({ hfModelId: 'meta-llama/Llama-3.3-70B-Instruct' })).toEqual(
        oldestFirst([groqLlama, cerebrasLlama]),
      );
      expect(await list({ status: 'live' })).toEqual(oldestFirst([groqLlama, cerebrasLlama, falLora]));
      expect(await list({ task: 'text-to-image' })).toEqual(oldestFirst([falFlux, falLora]));
      expect(await list({ origin: 'partner' })).toEqual(oldestFirst([groqGptOss, falLora]));
      expect(await list({ providerId: 'fal-ai', status: 'live', task: 'text-to-image' })).toEqual([falLora]);
      expect(
        await list({ providerId: 'groq', hfModelId: 'meta-llama/Llama-3.3-70B-Instruct', origin: 'plugin' }),
      ).toEqual([groqLlama]);
      expect(await list({ providerId: 'cerebras', status: 'staging' })).toEqual([]);
      expect(await list({})).toHaveLength(5);
    });

    it('sets the status of a mapping and returns it with a new updatedAt', async () => {
      const created = await upsert(sampleMapping({ status: 'staging' }));

      const updated = await catalog().setStatus(created.id, 'live');

      expect(updated).toEqual({ ...created, status: 'live', updatedAt: expect.any(String) });
      expectIsoUtcTimestamp(updated?.updatedAt);
      expect(Date.parse(updated?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
      expect(await catalog().findById(created.id)).toEqual(updated);
    });

    it('returns the record as it is when the status is already the one asked for', async () => {
      const created = await upsert(sampleMapping({ status: 'live' }));

      expect(await catalog().setStatus(created.id, 'live')).toEqual(created);
    });

    it('reports an unknown id to setStatus as not found, and writes nothing', async () => {
      const created = await upsert(sampleMapping());

      expect(await catalog().setStatus('00000000-0000-4000-8000-000000000000', 'error')).toBeUndefined();
      expect(await catalog().list()).toEqual([created]);
    });

    it('deletes a mapping; its key can then be created again, under a new id', async () => {
      const created = await upsert(sampleMapping());
      const other = await upsert(sampleMapping({ providerId: 'cerebras' }));

      expect(await catalog().delete(created.id)).toBe(true);

      expect(await catalog().findById(created.id)).toBeUndefined();
      expect(await catalog().list()).toEqual([other]);
      const again = await catalog().upsert(sampleMapping());
      expect(again.outcome).toBe('created');
      expect(again.record.id).not.toBe(created.id);
    });

    it('reports an unknown id to delete as not found, also when deleted twice', async () => {
      const created = await upsert(sampleMapping());

      expect(await catalog().delete('00000000-0000-4000-8000-000000000000')).toBe(false);
      expect(await catalog().delete(created.id)).toBe(true);
      expect(await catalog().delete(created.id)).toBe(false);
    });
  });
}
