/** Turns one upstream SSE event into the chunk the client receives, and the usage the gateway meters. */
import { type StreamChunkResultV1, type StreamEventV1, UpstreamOutputError } from '@tollgate/provider-spec';
import { extractErrorMessage } from '@tollgate/provider-utils';
import type { ChatCompletionRequest } from './chat-completion-types.js';
import { extractOpenAIUsage } from './extract-openai-usage.js';
import type { OpenAICompatibleChatConfig } from './openai-compatible-chat-config.js';

type StreamError = NonNullable<StreamChunkResultV1['error']>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}

function codeOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** `{"error": {...}}`, `{"error": "..."}` and vLLM's `{"object": "error", ...}` all mean the stream failed. */
function streamError(payload: Record<string, unknown>, event: StreamEventV1): StreamError | undefined {
  const isError = payload.error != null || payload.object === 'error' || event.event === 'error';
  if (!isError) return undefined;
  const details = isRecord(payload.error) ? payload.error : payload;
  const message = extractErrorMessage(payload, 'The provider reported an error during the stream');
  const type = typeof details.type === 'string' ? details.type : undefined;
  const code = codeOf(details.code);
  return { message, ...(type !== undefined ? { type } : {}), ...(code !== undefined ? { code } : {}) };
}

/**
 * One scan for both names: an event's data is a slice of the text of a whole read, and two `includes` over
 * such slices cost five times this regular expression (about 6 us of a 20-chunk stream).
 */
const NAMES_USAGE_OR_ERROR = /"(?:usage|error)"/;

/**
 * True for a chunk that names neither usage nor an error: the gateway reads nothing in it, so it leaves as the
 * provider's own text without being parsed (most chunks of a stream are of this kind, and parsing each one
 * was the largest single cost of a streamed request). A `{...}` shape is still required, so a cut or non-JSON
 * chunk takes the parsing path and fails there. Usage readers look for a field named `usage`, which every
 * usage-carrying chunk then contains as text.
 */
function carriesNothingToRead(data: string, event: StreamEventV1): boolean {
  return (
    event.event !== 'error' &&
    data.charCodeAt(0) === 0x7b &&
    data.charCodeAt(data.length - 1) === 0x7d &&
    !NAMES_USAGE_OR_ERROR.test(data)
  );
}

/**
 * `[DONE]` ends the stream; an error payload becomes `error`; any other JSON chunk is emitted. Usage is read
 * from every chunk. The client gets exactly what it asked for: unless it set `stream_options.include_usage`,
 * a usage-only chunk (no choices) is not emitted and a `usage` object on a content chunk is removed from the
 * copy it receives (a `usage: null` the provider always sends stays). Unparsable data is an `UpstreamOutputError`.
 *
 * @example
 * mapChatStreamChunk({ providerId: 'together' }, { input, event: { data: '[DONE]' } }); // { done: true }
 */
export function mapChatStreamChunk(
  config: OpenAICompatibleChatConfig,
  { input, event }: { input: ChatCompletionRequest; event: StreamEventV1 },
): StreamChunkResultV1 {
  const data = event.data.trim();
  if (data === '[DONE]') return { done: true };
  // Some servers send empty data lines as keep-alives.
  if (data === '') return {};
  if (carriesNothingToRead(data, event)) return { emit: data };
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch (error) {
    const preview = data.length > 200 ? `${data.slice(0, 200)}…` : data;
    throw new UpstreamOutputError({
      message: `${config.providerId} sent a stream chunk that is not JSON: ${preview}`,
      providerId: config.providerId,
      cause: error,
    });
  }
  if (!isRecord(payload)) {
    throw new UpstreamOutputError({
      message: `${config.providerId} sent a stream chunk that is not an object: ${data.slice(0, 200)}`,
      providerId: config.providerId,
    });
  }
  const error = streamError(payload, event);
  if (error !== undefined) return { error };
  const usage = (config.extractUsage ?? extractOpenAIUsage)(payload);
  const withUsage = usage !== undefined ? { usage } : {};
  const clientAskedForUsage = input?.stream_options?.include_usage === true;
  // Unchanged chunks go out as the provider's own text: no second serialisation per chunk.
  if (clientAskedForUsage || !isRecord(payload.usage)) return { emit: data, ...withUsage };
  // We asked the provider for usage on the client's behalf; the client never sees the answer to that.
  const choices = payload.choices;
  if (Array.isArray(choices) && choices.length === 0) return withUsage;
  const { usage: _notRequested, ...chunk } = payload;
  return { emit: chunk, ...withUsage };
}
