/**
 * Turns an upstream event stream into client chunks through the plugin's `mapStreamChunk`, capturing usage as
 * it passes. The events of one upstream read leave as one batch, as soon as they arrive (nothing waits for a
 * later read); abandoning the iteration stops reading the upstream, which closes its connection.
 */
import {
  type StreamChunkResultV1,
  type StreamEventV1,
  UpstreamApiError,
  type UsageV1,
} from '@tollgate/provider-spec';
import { errorToStreamItem } from './error-to-stream-item.js';
import type { StreamItem, StreamOutcome } from './execution-types.js';

export interface StreamPipelineState {
  usage: UsageV1;
  outcome: StreamOutcome;
  firstChunkAt: number | undefined;
  errorKind: string | undefined;
  /**
   * What ended the stream when the connection failed (a thrown error, or an end before the provider said it was
   * done); undefined for an error the provider sent as an event, which is an answer, not a broken connection.
   */
  failure?: unknown;
  /** Chunks mapped for the client so far (written before the last batch is handed out, and when the pipeline ends). */
  emittedChunks?: number;
  /** True when the pipeline ended the stream at its `StreamOutputLimit`. */
  limitReached?: boolean;
}

/**
 * Ends a stream whose output passed what its credit hold pays for: the provider ignored the output cap it was sent.
 * Chunks stand in for tokens (a streamed token comes in a chunk of its own or shares one), so the count errs low
 * and a stream that kept to its cap is never cut.
 */
export interface StreamOutputLimit {
  /** Chunks the client may receive; the next one ends the stream instead. */
  readonly maxChunks: number;
  /** What the client receives instead of that chunk, after `lastEmitted` (finish chunk, usage chunk). */
  readonly end: (lastEmitted: unknown) => readonly StreamItem[];
}

/**
 * Reads what the provider still sends after it said it was done (usually nothing but the end of the body), so
 * the connection goes back to the pool instead of being torn down, without holding the client's `[DONE]`.
 */
function drainInBackground(iterator: AsyncIterator<readonly StreamEventV1[]>): void {
  void (async () => {
    try {
      while (!(await iterator.next()).done) {
        // Events after the end marker carry nothing the client asked for.
      }
    } catch {
      // The response is already complete; a failure now only costs the pooled connection.
    }
  })();
}

/** Turns one upstream event into what the client receives (a task handler's or a native route's mapping). */
export type StreamEventMapper = (event: StreamEventV1) => StreamChunkResultV1;

export async function* pipeStream(
  eventBatches: AsyncIterable<readonly StreamEventV1[]>,
  mapChunk: StreamEventMapper,
  providerId: string,
  state: StreamPipelineState,
  limit?: StreamOutputLimit,
  /**
   * Runs after each upstream read was mapped, with `state.emittedChunks` up to date (e.g. a checkpoint of the
   * running cost, `StreamCheckpoints#afterRead`): once per read, never per chunk.
   */
  afterRead?: () => void,
): AsyncGenerator<readonly StreamItem[]> {
  const iterator = eventBatches[Symbol.asyncIterator]();
  let handedOff = false;
  let items: StreamItem[] = [];
  let emitted = 0;
  let lastEmitted: unknown;
  state.outcome = 'client_aborted';
  try {
    for (;;) {
      const step = await iterator.next();
      if (step.done) break;
      for (const event of step.value) {
        const result = mapChunk(event);
        if (result.usage) state.usage = result.usage;
        if (result.error) {
          state.outcome = 'upstream_failed';
          state.errorKind = 'stream';
          items.push({
            type: 'error',
            error: {
              message: result.error.message,
              type: result.error.type ?? 'upstream_error',
              code: result.error.code ?? 'upstream_error',
            },
          });
          state.emittedChunks = emitted;
          yield items;
          return;
        }
        if (result.emit !== undefined) {
          state.firstChunkAt ??= Date.now();
          emitted += 1;
          if (limit !== undefined) {
            if (emitted > limit.maxChunks) {
              state.outcome = 'completed';
              state.limitReached = true;
              items.push(...limit.end(lastEmitted));
              state.emittedChunks = emitted;
              yield items;
              return;
            }
            lastEmitted = result.emit;
          }
          items.push({ type: 'chunk', data: result.emit });
        }
        if (result.done) {
          state.outcome = 'completed';
          handedOff = true;
          drainInBackground(iterator);
          state.emittedChunks = emitted;
          if (items.length > 0) yield items;
          return;
        }
      }
      if (afterRead !== undefined) {
        state.emittedChunks = emitted;
        afterRead();
      }
      if (items.length > 0) {
        yield items;
        items = [];
      }
    }
    // The connection closed cleanly but the provider never said it was done: the answer may be cut short.
    state.outcome = 'upstream_failed';
    state.errorKind = 'stream';
    const cut = new UpstreamApiError({
      message: `The stream from provider '${providerId}' ended before it was complete.`,
      providerId,
      reason: 'connection',
    });
    state.failure = cut;
    state.emittedChunks = emitted;
    yield [errorToStreamItem(cut, providerId)];
  } catch (error) {
    if (UpstreamApiError.isInstance(error) && error.reason === 'aborted') {
      state.outcome = 'client_aborted';
      return;
    }
    state.outcome = 'upstream_failed';
    state.errorKind = UpstreamApiError.isInstance(error) ? error.reason : 'output';
    state.failure = error;
    // Chunks mapped before the failure still belong to the answer.
    items.push(errorToStreamItem(error, providerId));
    state.emittedChunks = emitted;
    yield items;
  } finally {
    state.emittedChunks = emitted;
    // Stopped early (client gone, an error, or the limit): close the upstream connection now.
    if (!handedOff) await iterator.return?.();
  }
}
