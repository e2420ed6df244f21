/** Conformance scenarios for the catalog's revision counter and for writes that race each other. */
import { describe, expect, it } from 'vitest';
import type { CatalogRepository } from '../catalog-repository.js';
import { sampleMapping, sampleTagFilter } from './store-conformance-fixtures.js';

/** Registers the revision and concurrency scenarios against the repository `catalog()` returns. */
export function describeCatalogRevisionConformance(catalog: () => CatalogRepository): void {
  describe('catalog revision', () => {
    it('is 0 in a new store', async () => {
      expect(await catalog().revision()).toBe(0);
    });

    it('increases on every write that changes a record: create, update, status, delete', async () => {
      const seen = [await catalog().revision()];
      const expectIncreased = async () => {
        const revision = await catalog().revision();
        expect(Number.isSafeInteger(revision)).toBe(true);
        expect(revision).toBeGreaterThan(seen.at(-1) ?? Number.NaN);
        seen.push(revision);
      };

      const { record } = await catalog().upsert(sampleMapping());
      await expectIncreased();
      await catalog().upsert(sampleTagFilter());
      await expectIncreased();
      await catalog().upsert(sampleMapping({ providerModelId: 'llama-3.3-70b-specdec' }));
      await expectIncreased();
      await catalog().setStatus(record.id, 'error');
      await expectIncreased();
      await catalog().delete(record.id);
      await expectIncreased();
    });

    it('stays the same on reads and on writes that change nothing', async () => {
      const { record } = await catalog().upsert(sampleMapping({ metadata: { contextLength: 8192 } }));
      await catalog().upsert(sampleMapping({ providerId: 'cerebras', origin: 'partner' }));
      const revision = await catalog().revision();

      await catalog().list();
      await catalog().list({ providerId: 'groq' });
      await catalog().findById(record.id);
      await catalog().upsert(sampleMapping({ metadata: { contextLength: 8192 } }));
      await catalog().upsert(sampleMapping({ providerId: 'cerebras' }), { keepOrigins: ['partner'] });
      await catalog().setStatus(record.id, 'live');
      await catalog().setStatus('00000000-0000-4000-8000-000000000000', 'error');
      await catalog().delete('00000000-0000-4000-8000-000000000000');
      await catalog()
        .upsert(sampleMapping({ hfModelId: '' }))
        .catch(() => undefined);

      expect(await catalog().revision()).toBe(revision);
    });

    it('leaves one record when many upserts of one key run at once', async () => {
      const providerModelIds = Array.from({ length: 12 }, (_, index) => `llama-variant-${index}`);

      const results = await Promise.all(
        providerModelIds.map((providerModelId) => catalog().upsert(sampleMapping({ providerModelId }))),
      );

      const listed = await catalog().list();
      expect(listed).toHaveLength(1);
      const [survivor] = listed;
      expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
      expect(new Set(results.map((result) => result.record.id))).toEqual(new Set([survivor?.id]));
      expect(providerModelIds).toContain(survivor?.providerModelId);
    });

    it('keeps every record when upserts of different keys run at once, and counts each', async () => {
      const before = await catalog().revision();
      const providers = Array.from({ length: 12 }, (_, index) => `provider-${index}`);

      await Promise.all(providers.map((providerId) => catalog().upsert(sampleMapping({ providerId }))));

      const listed = await catalog().list();
      expect(listed.map((record) => record.providerId).sort()).toEqual([...providers].sort());
      expect(await catalog().revision()).toBeGreaterThanOrEqual(before + providers.length);
    });

    it('deletes a record once when deletes of it run at once', async () => {
      const { record } = await catalog().upsert(sampleMapping());

      const answers = await Promise.all(Array.from({ length: 6 }, () => catalog().delete(record.id)));

      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await catalog().list()).toEqual([]);
    });
  });
}
