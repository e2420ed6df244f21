/**
 * Group commit for many small writes: calls that arrive while earlier batches are in flight wait and leave
 * together, as one batch, as soon as a slot frees. An idle store sends each call at once (a batch of one), so
 * batching adds no latency until the database is the bottleneck, and then every round trip and commit carries many
 * calls instead of one.
 */

export interface CallBatcherOptions<I, O> {
  /** Runs one batch; resolves with one result per item, in order. */
  readonly run: (items: readonly I[]) => Promise<readonly O[]>;
  /** Runs one item alone: what a failed batch falls back to, so that one bad item fails only its own call. */
  readonly runOne: (item: I) => Promise<O>;
  /** The most items in one batch. */
  readonly maxBatchSize: number;
  /** The most batches in flight at once (each holds a pooled connection). */
  readonly maxInFlight: number;
  /**
   * What a call locks in the database (an account), and the keys busy in flight, shared by batchers whose calls
   * lock the same rows. A call whose key a batch in flight holds waits for that batch and leaves with the next
   * one, so one instance never has two transactions queued on one row lock: they would only wait on each other,
   * and the calls that pile up meanwhile leave as one larger batch instead. Calls of other keys go on in parallel.
   */
  readonly keyOf?: (item: I) => string | undefined;
  readonly busyKeys?: BusyKeys;
}

/**
 * The keys held by batches in flight, shared by the batchers given it; when a batch ends, the other batchers are
 * offered the freed keys before the one whose batch ended, so neither kind of call can starve the other.
 */
export interface BusyKeys {
  has(key: string): boolean;
  hold(keys: readonly string[]): void;
  /** Frees the keys and lets every batcher try again, `ended`'s last. */
  free(keys: readonly string[], ended: () => void): void;
  join(flush: () => void): void;
}

/** @example const busy = createBusyKeys(); createCallBatcher({ ..., keyOf: (call) => call.accountId, busyKeys: busy }); */
export function createBusyKeys(): BusyKeys {
  const counts = new Map<string, number>();
  const flushes: (() => void)[] = [];
  return {
    has: (key) => counts.has(key),
    hold(keys) {
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    free(keys, ended) {
      for (const key of keys) {
        const count = (counts.get(key) ?? 1) - 1;
        if (count === 0) counts.delete(key);
        else counts.set(key, count);
      }
      for (const flush of flushes) if (flush !== ended) flush();
      ended();
    },
    join(flush) {
      flushes.push(flush);
    },
  };
}

interface Pending<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * @example
 * const settle = createCallBatcher({ run: settleMany, runOne: settleOne, maxBatchSize: 64, maxInFlight: 3 });
 * const entry = await settle({ requestId, attempt: 1, costNanoUsd: 1_000n });
 */
export function createCallBatcher<I, O>(options: CallBatcherOptions<I, O>): (item: I) => Promise<O> {
  const { run, runOne, maxBatchSize, maxInFlight, keyOf, busyKeys } = options;
  if (maxBatchSize < 1 || maxInFlight < 1) throw new RangeError('A batcher needs room for one call.');
  if ((keyOf === undefined) !== (busyKeys === undefined)) {
    throw new RangeError('A batcher keys its calls with both keyOf and busyKeys, or with neither.');
  }
  const queue: Pending<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const alone = (pending: Pending<I, O>) => runOne(pending.item).then(pending.resolve, pending.reject);

  const send = async (batch: readonly Pending<I, O>[], keys: readonly string[]) => {
    try {
      if (batch.length === 1) {
        await alone(batch[0] as Pending<I, O>);
        return;
      }
      let results: readonly O[];
      try {
        results = await run(batch.map((pending) => pending.item));
      } catch {
        // The batch rolled back whole; each call gets its own outcome, errors included.
        await Promise.all(batch.map(alone));
        return;
      }
      if (results.length !== batch.length) {
        const error = new Error(`A batch of ${batch.length} calls returned ${results.length} results.`);
        for (const pending of batch) pending.reject(error);
        return;
      }
      for (const [index, pending] of batch.entries()) pending.resolve(results[index] as O);
    } finally {
      inFlight -= 1;
      if (busyKeys === undefined) flush();
      else busyKeys.free(keys, flush);
    }
  };

  /** The next batch: the first calls in order, skipping those whose key a batch in flight holds. */
  const take = (): { batch: Pending<I, O>[]; keys: string[] } => {
    if (keyOf === undefined || busyKeys === undefined)
      return { batch: queue.splice(0, maxBatchSize), keys: [] };
    const batch: Pending<I, O>[] = [];
    const keys = new Set<string>();
    const waiting: Pending<I, O>[] = [];
    for (const pending of queue) {
      if (batch.length < maxBatchSize) {
        const key = keyOf(pending.item);
        if (key === undefined || !busyKeys.has(key)) {
          batch.push(pending);
          if (key !== undefined) keys.add(key);
          continue;
        }
      }
      waiting.push(pending);
    }
    queue.length = 0;
    queue.push(...waiting);
    const held = [...keys];
    busyKeys.hold(held);
    return { batch, keys: held };
  };

  const flush = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const { batch, keys } = take();
      if (batch.length === 0) return;
      inFlight += 1;
      void send(batch, keys);
    }
  };
  busyKeys?.join(flush);

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // Calls made in the same tick leave together; later ones wait for a free slot.
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          flush();
        });
      }
    });
}
