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
  const { run, runOne, maxBatchSize, maxInFlight } = options;
  if (maxBatchSize < 1 || maxInFlight < 1) throw new RangeError('A batcher needs room for one call.');
  const queue: Pending<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const alone = (pending: Pending<I, O>) => runOne(pending.item).then(pending.resolve, pending.reject);

  const send = async (batch: readonly Pending<I, O>[]) => {
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
      flush();
    }
  };

  const flush = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      inFlight += 1;
      void send(queue.splice(0, maxBatchSize));
    }
  };

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
