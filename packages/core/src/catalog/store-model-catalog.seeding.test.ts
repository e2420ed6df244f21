import { describe, expect, it } from 'vitest';
import { makePlugin } from '../plugin-builders.test-helpers.js';
import type { CatalogMappingRecord } from '../store/catalog-repository.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { catalogOver } from './store-model-catalog.test-helpers.js';

const llama = 'meta-llama/Llama-3.3-70B-Instruct';
const gptOss = 'openai/gpt-oss-120b';
const qwen = 'Qwen/Qwen3-32B';

const alphaV1 = makePlugin('alpha', [
  { hfModelId: llama, providerModelId: 'alpha-llama', metadata: { contextLength: 131_072 } },
  { hfModelId: gptOss, providerModelId: 'alpha-gpt-oss' },
  { hfModelId: qwen, providerModelId: 'alpha-qwen', status: 'staging' },
]);
// A newer version of the same plugin: it no longer serves Qwen.
const alphaV2 = makePlugin('alpha', [
  { hfModelId: llama, providerModelId: 'alpha-llama', metadata: { contextLength: 131_072 } },
  { hfModelId: gptOss, providerModelId: 'alpha-gpt-oss' },
]);
const beta = makePlugin('beta', [{ hfModelId: qwen, providerModelId: 'beta-qwen' }]);

const summary = (records: readonly CatalogMappingRecord[]) =>
  records
    .map((record) =>
      [
        record.providerId,
        record.type === 'single' ? record.hfModelId : '',
        record.providerModelId,
        record.origin,
      ].join(' '),
    )
    .sort();

describe('StoreModelCatalog: seeding the store at start-up', () => {
  it("upserts the plugins' maps as origin plugin and configured mappings as origin config, configuration winning", async () => {
    const repository = createInMemoryCatalogRepository();
    const catalog = catalogOver(repository, [alphaV1, beta], {
      providers: {
        alpha: { models: [{ hfModelId: gptOss, providerModelId: 'alpha-gpt-oss-fast' }] },
        beta: {
          models: [
            { hfModelId: 'org/private-model', providerModelId: 'beta-private', task: 'conversational' },
          ],
        },
        unknown: { models: [{ hfModelId: gptOss, providerModelId: 'nobody' }] },
      },
    });

    expect(await catalog.seed()).toEqual({ created: 5, updated: 0, unchanged: 0, kept: 0, removed: 0 });

    expect(summary(await repository.list())).toEqual([
      `alpha ${qwen} alpha-qwen plugin`,
      `alpha ${llama} alpha-llama plugin`,
      `alpha ${gptOss} alpha-gpt-oss-fast config`,
      `beta ${qwen} beta-qwen plugin`,
      'beta org/private-model beta-private config',
    ]);
    expect((await repository.list({ hfModelId: llama }))[0]?.metadata).toEqual({
      contextLength: 131_072,
    });
  });

  it('changes nothing when seeded again: same records, same revision', async () => {
    const repository = createInMemoryCatalogRepository();
    await catalogOver(repository, [alphaV1, beta]).seed();
    const records = await repository.list();
    const revision = await repository.revision();

    const report = await catalogOver(repository, [alphaV1, beta]).seed();

    expect(report).toEqual({ created: 0, updated: 0, unchanged: 4, kept: 0, removed: 0 });
    expect(await repository.list()).toEqual(records);
    expect(await repository.revision()).toBe(revision);
  });

  it('leaves one record per mapping when several instances seed at once', async () => {
    const repository = createInMemoryCatalogRepository();
    const instances = Array.from({ length: 5 }, () => catalogOver(repository, [alphaV1, beta]));

    const reports = await Promise.all(instances.map((instance) => instance.seed()));

    expect(await repository.list()).toHaveLength(4);
    expect(reports.reduce((created, report) => created + report.created, 0)).toBe(4);
    const revision = await repository.revision();
    await Promise.all(instances.map((instance) => instance.start()));
    expect(await repository.revision()).toBe(revision);
    for (const instance of instances) {
      expect(instance.allEntries()).toEqual(instances[0]?.allEntries());
      await instance.close();
    }
  });

  it("removes the plugin mappings a newer plugin version dropped, and only that provider's plugin rows", async () => {
    const repository = createInMemoryCatalogRepository();
    await catalogOver(repository, [alphaV1, beta]).seed();
    const kept = await repository.list({ providerId: 'alpha', hfModelId: llama });
    const partner = await repository.upsert({
      type: 'single',
      hfModelId: 'org/partner-model',
      providerId: 'alpha',
      providerModelId: 'alpha-partner',
      task: 'conversational',
      status: 'live',
      origin: 'partner',
    });
    const configured = {
      alpha: { models: [{ hfModelId: 'org/configured', providerModelId: 'alpha-configured' }] },
    };
    await catalogOver(repository, [alphaV1, beta], { providers: configured }).seed();

    const report = await catalogOver(repository, [alphaV2, beta]).seed();

    expect(report.removed).toBe(1);
    expect(summary(await repository.list())).toEqual([
      `alpha ${llama} alpha-llama plugin`,
      `alpha ${gptOss} alpha-gpt-oss plugin`,
      'alpha org/configured alpha-configured config',
      'alpha org/partner-model alpha-partner partner',
      `beta ${qwen} beta-qwen plugin`,
    ]);
    expect(await repository.list({ providerId: 'alpha', hfModelId: llama })).toEqual(kept);
    expect(await repository.findById(partner.record.id)).toEqual(partner.record);
  });

  it('leaves the mappings of providers this instance has no plugin for', async () => {
    const repository = createInMemoryCatalogRepository();
    await catalogOver(repository, [alphaV1, beta]).seed();

    await catalogOver(repository, [alphaV1]).seed();

    expect(await repository.list({ providerId: 'beta' })).toHaveLength(1);
  });

  it("never overwrites a provider's own registration, and routes by it", async () => {
    const repository = createInMemoryCatalogRepository();
    const partner = await repository.upsert({
      type: 'single',
      hfModelId: llama,
      providerId: 'alpha',
      providerModelId: 'alpha-llama-registered',
      task: 'conversational',
      status: 'live',
      origin: 'partner',
    });
    const catalog = catalogOver(repository, [alphaV1], {
      providers: { alpha: { models: [{ hfModelId: llama, providerModelId: 'alpha-llama-configured' }] } },
    });

    await catalog.start();

    expect(await repository.findById(partner.record.id)).toEqual(partner.record);
    expect(catalog.entriesFor(llama, 'conversational')).toEqual([
      expect.objectContaining({ providerModelId: 'alpha-llama-registered', origin: 'partner' }),
    ]);
    await catalog.close();
  });

  it('rewrites a plugin mapping whose fields changed in a newer plugin version, keeping its id', async () => {
    const repository = createInMemoryCatalogRepository();
    await catalogOver(repository, [alphaV1]).seed();
    const [before] = await repository.list({ hfModelId: qwen });
    const promoted = makePlugin('alpha', [
      { hfModelId: qwen, providerModelId: 'alpha-qwen', status: 'live' },
    ]);

    const report = await catalogOver(repository, [promoted]).seed();

    expect(report).toMatchObject({ updated: 1, removed: 2 });
    expect(await repository.list({ hfModelId: qwen })).toEqual([
      { ...before, status: 'live', updatedAt: expect.any(String) },
    ]);
  });

  it('refuses an invalid configured mapping, naming where it is', async () => {
    const catalog = catalogOver(createInMemoryCatalogRepository(), [alphaV1], {
      providers: { alpha: { models: [{ hfModelId: llama, providerModelId: '' }] } },
    });

    await expect(catalog.start()).rejects.toMatchObject({
      code: 'invalid_catalog_mapping',
      message: 'providers.alpha.models[0]: A mapping needs the provider model id.',
    });
  });
});
