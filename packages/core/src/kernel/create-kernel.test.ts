import { describe, expect, it, vi } from 'vitest';
import { breakableRepository } from '../catalog/store-model-catalog.test-helpers.js';
import { makePlugin } from '../plugin-builders.test-helpers.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { createKernel } from './create-kernel.js';

const llama = 'meta-llama/Llama-3.3-70B-Instruct';
const alpha = makePlugin('alpha', [{ hfModelId: llama, providerModelId: 'alpha-llama' }]);

/** A store with only a catalog: the kernel's start-up and routing touch nothing else. */
const storeWith = (catalog: Store['catalog']) => ({ catalog }) as Store;

describe('createKernel and the store-backed catalog', () => {
  it('seeds the store on start and routes from what it holds', async () => {
    const repository = createInMemoryCatalogRepository();
    const kernel = createKernel({
      store: storeWith(repository),
      plugins: [alpha],
      env: { ALPHA_API_KEY: 'a' },
    });

    await kernel.start();

    const [stored] = await repository.list();
    expect(stored).toMatchObject({ providerId: 'alpha', hfModelId: llama, origin: 'plugin' });
    expect(kernel.catalog.entriesFor(llama, 'conversational')).toEqual([
      expect.objectContaining({ id: stored?.id }),
    ]);
    await kernel.dispose();
  });

  it('refuses to serve before start has finished', async () => {
    const kernel = createKernel({ store: storeWith(createInMemoryCatalogRepository()), plugins: [alpha] });

    expect(() => kernel.executor).toThrow('Call `await kernel.start()`');
    const starting = kernel.start();
    expect(() => kernel.catalog).toThrow('Call `await kernel.start()`');
    await starting;
    expect(kernel.catalog.allEntries()).toHaveLength(1);
    await kernel.dispose();
  });

  it('fails to start when the catalog cannot be read', async () => {
    const { repository, state } = breakableRepository(createInMemoryCatalogRepository());
    state.failing = true;
    const kernel = createKernel({ store: storeWith(repository), plugins: [alpha] });

    await expect(kernel.start()).rejects.toThrow('connection to the store lost');
    expect(() => kernel.catalog).toThrow('Call `await kernel.start()`');
    await kernel.dispose();
  });

  it('polls at the configured interval and stops when disposed', async () => {
    const { repository, state } = breakableRepository(createInMemoryCatalogRepository());
    const kernel = createKernel({
      store: storeWith(repository),
      plugins: [alpha],
      catalog: { refreshIntervalMs: 5 },
    });
    await kernel.start();
    await vi.waitFor(() => expect(state.revisionCalls).toBeGreaterThan(3));

    await kernel.dispose();
    const polls = state.revisionCalls;
    await new Promise((resolve) => setTimeout(resolve, 40));

    expect(state.revisionCalls).toBe(polls);
  });
});
