/** Server-sent events one at a time, for consumers that handle events singly. */
import type { StreamEventV1 } from '@tollgate/provider-spec';
import { readSseEventBatches } from './read-sse-event-batches.js';

/**
 * The events of a batch stream, flattened; stopping the iteration stops the batches (and so closes the upstream
 * connection they are read from).
 *
 * @example
 * for await (const event of flattenEventBatches(stream.eventBatches)) console.log(event.data);
 */
export async function* flattenEventBatches(
  batches: AsyncIterable<readonly StreamEventV1[]>,
): AsyncGenerator<StreamEventV1, void, undefined> {
  for await (const batch of batches) yield* batch;
}

/**
 * @example
 * for await (const event of readSseEvents(response.body, { providerId: 'groq', signal })) console.log(event.data);
 */
export function readSseEvents(
  ...args: Parameters<typeof readSseEventBatches>
): AsyncGenerator<StreamEventV1, void, undefined> {
  return flattenEventBatches(readSseEventBatches(...args));
}
