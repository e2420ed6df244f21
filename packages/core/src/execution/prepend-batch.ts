/** Puts back a batch that was read ahead (the executor peeks at a stream's first batch before handing it on). */
import type { StreamItem } from './execution-types.js';

/**
 * An iterator that yields `first`, then whatever `rest` yields. Unlike a generator wrapping `rest`, closing it
 * before the first `next()` still closes `rest`, so an abandoned stream always releases its upstream connection.
 *
 * @example
 * const first = await pipeline.next();
 * const batches = prependBatch(first.done ? undefined : first.value, pipeline);
 */
export function prependBatch(
  first: readonly StreamItem[] | undefined,
  rest: AsyncGenerator<readonly StreamItem[]>,
): AsyncGenerator<readonly StreamItem[]> {
  let pending = first;
  const iterator: AsyncGenerator<readonly StreamItem[]> = {
    async next() {
      if (pending === undefined) return rest.next();
      const value = pending;
      pending = undefined;
      return { done: false, value };
    },
    async return(value) {
      pending = undefined;
      return rest.return(value);
    },
    async throw(error) {
      pending = undefined;
      return rest.throw(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
