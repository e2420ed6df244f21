import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamCheckpoints } from './stream-checkpoints.js';

describe('StreamCheckpoints', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  /** Lets a write's promise chain run to its end (only `Date` is faked). */
  const writesDone = () => new Promise((resolve) => setImmediate(resolve));

  function checkpointsOf(cost: () => bigint, write = vi.fn(async (_cost: bigint) => {})) {
    const onError = vi.fn();
    const checkpoints = new StreamCheckpoints({
      startedAt: 0,
      intervalMs: 2_000,
      costSoFar: cost,
      write,
      onError,
    });
    return { checkpoints, write, onError };
  }

  it('writes nothing before the first interval: a short stream costs no write', () => {
    const costSoFar = vi.fn(() => 500n);
    const { checkpoints, write } = checkpointsOf(costSoFar);
    for (let read = 0; read < 100; read += 1) checkpoints.afterRead();
    vi.setSystemTime(1_999);
    checkpoints.afterRead();
    expect(write).not.toHaveBeenCalled();
    expect(costSoFar).not.toHaveBeenCalled();
  });

  it('writes the cost once per interval at most, however many reads come, and only when it grew', async () => {
    let cost = 100n;
    const { checkpoints, write } = checkpointsOf(() => cost);
    vi.setSystemTime(2_000);
    checkpoints.afterRead();
    checkpoints.afterRead();
    await writesDone();
    expect(write).toHaveBeenCalledTimes(1);
    vi.setSystemTime(3_999);
    cost = 300n;
    checkpoints.afterRead();
    expect(write).toHaveBeenCalledTimes(1);
    vi.setSystemTime(4_000);
    checkpoints.afterRead();
    await writesDone();
    // Unchanged since, so the next interval writes nothing.
    vi.setSystemTime(6_000);
    checkpoints.afterRead();
    expect(write.mock.calls.map(([written]) => written)).toEqual([100n, 300n]);
  });

  it('starts no write while the previous one is in flight, and reports a failed one without throwing', async () => {
    let finish!: () => void;
    const write = vi
      .fn<(cost: bigint) => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
      .mockRejectedValueOnce(new Error('store down'));
    let cost = 10n;
    const { checkpoints, onError } = checkpointsOf(() => cost, write);
    vi.setSystemTime(2_000);
    checkpoints.afterRead();
    cost = 20n;
    vi.setSystemTime(10_000);
    checkpoints.afterRead();
    expect(write).toHaveBeenCalledTimes(1);
    finish();
    await writesDone();
    checkpoints.afterRead();
    await writesDone();
    expect(onError).toHaveBeenCalledWith(new Error('store down'));
    expect(write.mock.calls.map(([written]) => written)).toEqual([10n, 20n]);
  });
});
