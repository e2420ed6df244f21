import { describe, expect, it } from 'vitest';
import { createCallBatcher } from './call-batcher.js';

/** A batch runner whose batches finish only when the test says so. */
function controlledRunner() {
  const batches: { items: readonly number[]; finish: () => void }[] = [];
  return {
    batches,
    run: (items: readonly number[]) =>
      new Promise<readonly string[]>((resolve) => {
        batches.push({ items, finish: () => resolve(items.map((item) => `batch:${item}`)) });
      }),
    runOne: async (item: number) => `one:${item}`,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createCallBatcher', () => {
  it('sends a lone call at once, on its own', async () => {
    const runner = controlledRunner();
    const call = createCallBatcher({ ...runner, maxBatchSize: 8, maxInFlight: 1 });
    await expect(call(1)).resolves.toBe('one:1');
    expect(runner.batches).toHaveLength(0);
  });

  it('gathers the calls that arrive while the slots are busy into one batch, in order', async () => {
    const runner = controlledRunner();
    const call = createCallBatcher({ ...runner, maxBatchSize: 8, maxInFlight: 1 });
    const first = [call(1), call(2)];
    await tick();
    const later = [call(3), call(4), call(5)];
    await tick();
    expect(runner.batches.map((batch) => batch.items)).toEqual([[1, 2]]);
    runner.batches[0]?.finish();
    await expect(Promise.all(first)).resolves.toEqual(['batch:1', 'batch:2']);
    await tick();
    expect(runner.batches.map((batch) => batch.items)).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    runner.batches[1]?.finish();
    await expect(Promise.all(later)).resolves.toEqual(['batch:3', 'batch:4', 'batch:5']);
  });

  it('never puts more than maxBatchSize calls in a batch, nor more than maxInFlight batches in flight', async () => {
    const runner = controlledRunner();
    const call = createCallBatcher({ ...runner, maxBatchSize: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5, 6].map(call);
    await tick();
    expect(runner.batches.map((batch) => batch.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    runner.batches[1]?.finish();
    await tick();
    expect(runner.batches.map((batch) => batch.items)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    runner.batches[0]?.finish();
    runner.batches[2]?.finish();
    await expect(Promise.all(all)).resolves.toEqual([1, 2, 3, 4, 5, 6].map((item) => `batch:${item}`));
  });

  it('falls back to single calls when a batch fails, so only the bad call fails', async () => {
    const call = createCallBatcher<number, string>({
      run: async () => {
        throw new Error('the batch rolled back');
      },
      runOne: async (item) => {
        if (item === 2) throw new Error('item 2 is bad');
        return `one:${item}`;
      },
      maxBatchSize: 8,
      maxInFlight: 1,
    });
    const results = await Promise.allSettled([call(1), call(2), call(3)]);
    expect(
      results.map((result) => (result.status === 'fulfilled' ? result.value : result.reason.message)),
    ).toEqual(['one:1', 'item 2 is bad', 'one:3']);
  });

  it('rejects every call of a batch that answered with the wrong number of results', async () => {
    const call = createCallBatcher<number, string>({
      run: async () => ['only one'],
      runOne: async (item) => `one:${item}`,
      maxBatchSize: 8,
      maxInFlight: 1,
    });
    const results = await Promise.allSettled([call(1), call(2)]);
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
  });
});
