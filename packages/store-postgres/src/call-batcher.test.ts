import { describe, expect, it } from 'vitest';
import { createBusyKeys, createCallBatcher } from './call-batcher.js';

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

/** Like controlledRunner, but a batch of one waits for the test too, and every batch is labelled. */
function heldRunner(label: string, sent: { label: string; items: readonly string[]; finish: () => void }[]) {
  const run = (items: readonly string[]) =>
    new Promise<readonly string[]>((resolve) => {
      sent.push({ label, items, finish: () => resolve(items.map((item) => `${label}:${item}`)) });
    });
  return { run, runOne: async (item: string) => (await run([item]))[0] as string };
}

const accountOf = (item: string) => item.split('.')[0];

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

  describe('with keys', () => {
    it('holds back a call whose key a batch in flight holds, and sends it with the next batch, while other keys go on', async () => {
      const sent: { label: string; items: readonly string[]; finish: () => void }[] = [];
      const call = createCallBatcher({
        ...heldRunner('r', sent),
        maxBatchSize: 8,
        maxInFlight: 3,
        keyOf: accountOf,
        busyKeys: createBusyKeys(),
      });
      const first = call('a.1');
      await tick();
      const later = ['a.2', 'b.1', 'a.3'].map(call);
      await tick();
      // b goes in parallel with a's batch; a's other calls wait for it instead of queueing on its row lock.
      expect(sent.map((batch) => batch.items)).toEqual([['a.1'], ['b.1']]);
      sent[0]?.finish();
      await expect(first).resolves.toBe('r:a.1');
      await tick();
      expect(sent.map((batch) => batch.items)).toEqual([['a.1'], ['b.1'], ['a.2', 'a.3']]);
      sent[1]?.finish();
      sent[2]?.finish();
      await expect(Promise.all(later)).resolves.toEqual(['r:a.2', 'r:b.1', 'r:a.3']);
    });

    it('shares the keys between batchers, and offers a freed key to the other batcher first', async () => {
      const sent: { label: string; items: readonly string[]; finish: () => void }[] = [];
      const busyKeys = createBusyKeys();
      const options = { maxBatchSize: 8, maxInFlight: 3, keyOf: accountOf, busyKeys };
      const reserve = createCallBatcher({ ...heldRunner('reserve', sent), ...options });
      const close = createCallBatcher({ ...heldRunner('close', sent), ...options });
      const held = reserve('a.1');
      await tick();
      const closing = close('a.0');
      await tick();
      const reserving = reserve('a.2');
      await tick();
      expect(sent.map((batch) => `${batch.label} ${batch.items.join(',')}`)).toEqual(['reserve a.1']);
      sent[0]?.finish();
      await expect(held).resolves.toBe('reserve:a.1');
      await tick();
      // The closing waited longest: it goes first, and the next reservation waits for it in turn.
      expect(sent.map((batch) => `${batch.label} ${batch.items.join(',')}`)).toEqual([
        'reserve a.1',
        'close a.0',
      ]);
      sent[1]?.finish();
      await expect(closing).resolves.toBe('close:a.0');
      await tick();
      expect(sent.map((batch) => `${batch.label} ${batch.items.join(',')}`)).toEqual([
        'reserve a.1',
        'close a.0',
        'reserve a.2',
      ]);
      sent[2]?.finish();
      await expect(reserving).resolves.toBe('reserve:a.2');
    });

    it('sends unkeyed calls at once, whatever is in flight', async () => {
      const sent: { label: string; items: readonly string[]; finish: () => void }[] = [];
      const call = createCallBatcher({
        ...heldRunner('r', sent),
        maxBatchSize: 8,
        maxInFlight: 3,
        keyOf: (item: string) => (item.startsWith('?') ? undefined : accountOf(item)),
        busyKeys: createBusyKeys(),
      });
      const calls = [call('a.1')];
      await tick();
      calls.push(call('?.1'));
      await tick();
      expect(sent.map((batch) => batch.items)).toEqual([['a.1'], ['?.1']]);
      for (const batch of sent) batch.finish();
      await expect(Promise.all(calls)).resolves.toEqual(['r:a.1', 'r:?.1']);
    });

    it('wants keyOf and busyKeys together', () => {
      expect(() =>
        createCallBatcher({ ...heldRunner('r', []), maxBatchSize: 8, maxInFlight: 1, keyOf: accountOf }),
      ).toThrow(RangeError);
    });
  });
});
