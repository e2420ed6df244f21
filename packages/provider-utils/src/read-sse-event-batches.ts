/**
 * Parses a streaming response body into server-sent events as the bytes arrive, handing over the events of one
 * body read together: a provider that sends many events at once (a burst, or a fast model) then costs one hop
 * through each stage of the stream pipeline instead of one per event.
 */
import { StringDecoder } from 'node:string_decoder';
import { type StreamEventV1, UpstreamOutputError } from '@tollgate/provider-spec';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { toUpstreamTransportError } from './to-upstream-transport-error.js';

/** One event larger than this is not a chat chunk but a runaway stream. */
const MAX_EVENT_CHARS = 16 * 1024 * 1024;

type StreamBody = AsyncIterable<Uint8Array> & { destroy?: (error?: Error) => unknown };

function toStreamEvent({ data, event, id }: EventSourceMessage): StreamEventV1 {
  // Most events have data only: build that shape without the spread copies.
  if (event === undefined && id === undefined) return { data };
  const streamEvent: { data: string; event?: string; id?: string } = { data };
  if (event !== undefined) streamEvent.event = event;
  if (id !== undefined) streamEvent.id = id;
  return streamEvent;
}

/**
 * Yield the events of an SSE body, one non-empty batch per body read that completed at least one event. Nothing
 * is held back beyond the event being parsed. When the consumer stops iterating (`break`, `return()`), the body
 * is destroyed, which closes the upstream connection. Network failures, timeouts and aborts surface as
 * `UpstreamApiError` (see `toUpstreamTransportError`).
 *
 * @example
 * for await (const batch of readSseEventBatches(response.body, { providerId: 'groq', signal })) console.log(batch.length);
 */
export async function* readSseEventBatches(
  body: StreamBody,
  { providerId, signal }: { providerId: string; signal?: AbortSignal },
): AsyncGenerator<readonly StreamEventV1[], void, undefined> {
  // StringDecoder holds a character cut between reads like TextDecoder's stream mode, and costs a quarter of
  // a TextDecoder (whose construction opens an ICU converter) on every streamed request.
  const decoder = new StringDecoder('utf8');
  let pending: StreamEventV1[] = [];
  let overflow = false;
  let endsWithNewline = true;
  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: (message) => pending.push(toStreamEvent(message)),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') overflow = true;
    },
  });
  const feed = (text: string) => {
    if (text === '') return;
    endsWithNewline = text.endsWith('\n') || text.endsWith('\r');
    parser.feed(text);
    if (overflow) {
      throw new UpstreamOutputError({
        message: `${providerId} sent a stream event larger than ${MAX_EVENT_CHARS} characters`,
        providerId,
      });
    }
  };
  const take = (): StreamEventV1[] => {
    const batch = pending;
    pending = [];
    return batch;
  };
  try {
    for await (const chunk of body) {
      feed(decoder.write(chunk));
      if (pending.length > 0) yield take();
    }
    feed(decoder.end());
    // The SSE spec drops an event not closed by a blank line; a provider that ends on a complete last line
    // without one (`data: [DONE]\n`) still meant it, while a line cut mid-way stays dropped.
    if (endsWithNewline) feed('\n');
    if (pending.length > 0) yield take();
  } catch (error) {
    throw toUpstreamTransportError(error, { providerId, signal });
  } finally {
    body.destroy?.();
  }
}
