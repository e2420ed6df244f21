/**
 * Wraps a stream pipeline so that its metering runs exactly once, however the stream ends: read to the end,
 * abandoned by the client (`return()`), or failed.
 */
import type { StreamCompletion, StreamItem } from './execution-types.js';

export interface MeteredStream {
  readonly batches: AsyncIterable<readonly StreamItem[]>;
  /** Settles once `finish` ran. Never rejects when `finish` does not. */
  readonly completion: Promise<StreamCompletion>;
}

/**
 * @example
 * const { batches, completion } = meteredStream(pipeStream(events, mapChunk, providerId, state), () => settle(state));
 */
export function meteredStream(
  pipeline: AsyncGenerator<readonly StreamItem[]>,
  finish: () => Promise<StreamCompletion>,
  /**
   * Runs in the background when the client abandons the stream, before the pipeline is closed and `finish` runs:
   * e.g. reads on to the provider's usage. Without it, the pipeline is closed at once.
   */
  onAbandon?: (rest: AsyncIterator<readonly StreamItem[]>) => Promise<void>,
  /**
   * True once the pipeline has handed out its last batch (it saw the provider's end, an error, or its limit).
   * That batch is then held until `finish` ran: the client gets it, `[DONE]` and the end of the body in one write,
   * and never a cost in its usage chunk before the charge is in the ledger.
   */
  ended?: () => boolean,
): MeteredStream {
  let resolveCompletion!: (completion: StreamCompletion) => void;
  const completion = new Promise<StreamCompletion>((resolve) => {
    resolveCompletion = resolve;
  });
  let settled = false;
  const settleOnce = async () => {
    if (settled) return;
    settled = true;
    resolveCompletion(await finish());
  };
  const batches: AsyncIterable<readonly StreamItem[]> = {
    [Symbol.asyncIterator]: () => {
      const iterator = pipeline[Symbol.asyncIterator]();
      return {
        async next() {
          try {
            const step = await iterator.next();
            if (step.done || ended?.() === true) await settleOnce();
            return step;
          } catch (error) {
            // The pipeline turns failures into error items; should it ever throw, still settle once.
            await settleOnce();
            throw error;
          }
        },
        async return() {
          if (onAbandon === undefined || settled) {
            await iterator.return(undefined);
            await settleOnce();
            return { done: true, value: undefined };
          }
          void (async () => {
            try {
              await onAbandon(iterator);
            } finally {
              await iterator.return(undefined);
              await settleOnce();
            }
          })().catch(() => {
            // `finish` reports its own failures; nobody is left to hear this one.
          });
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { batches, completion };
}
