/**
 * The chunks that end a chat stream the gateway cut at its credit hold, in the shape every `conversational` stream
 * has (OpenAI's `chat.completion.chunk`): a finish chunk with `finish_reason: 'length'` per sequence, and, when the
 * client asked for usage, a usage chunk with the metered usage and its cost. They carry the id, model and creation
 * time of the last chunk the client received, so a client that assembles chunks by id sees one answer.
 */
import type { UsageV1 } from '@tollgate/provider-spec';
import type { NanoUsd } from '../pricing/nano-usd.js';
import { usdNumber } from '../pricing/usage-cost.js';
import type { StreamItem } from './execution-types.js';

export interface ChatStreamEndArgs {
  /** The last chunk the client received: a JSON text or an object. */
  readonly lastEmitted: unknown;
  readonly sequences: number;
  /** Set when the client asked for usage (`stream_options.include_usage`). */
  readonly usage: { readonly metered: UsageV1; readonly costNanoUsd: NanoUsd } | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

function parsed(chunk: unknown): Record<string, unknown> {
  if (isRecord(chunk)) return chunk;
  if (typeof chunk !== 'string') return {};
  try {
    const value: unknown = JSON.parse(chunk);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

/**
 * @example
 * chatStreamEnd({ lastEmitted: '{"id":"c1","model":"m","created":1,"choices":[...]}', sequences: 1, usage: undefined });
 * // [{ type: 'chunk', data: { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm',
 * //   choices: [{ index: 0, delta: {}, finish_reason: 'length' }] } }]
 */
export function chatStreamEnd({ lastEmitted, sequences, usage }: ChatStreamEndArgs): StreamItem[] {
  const last = parsed(lastEmitted);
  const head = {
    id: typeof last.id === 'string' ? last.id : 'chatcmpl-tollgate',
    object: 'chat.completion.chunk',
    created: typeof last.created === 'number' ? last.created : Math.floor(Date.now() / 1000),
    ...(typeof last.model === 'string' ? { model: last.model } : {}),
    ...(typeof last.system_fingerprint === 'string' ? { system_fingerprint: last.system_fingerprint } : {}),
  };
  const choices = Array.from({ length: Math.max(1, sequences) }, (_, index) => ({
    index,
    delta: {},
    finish_reason: 'length',
  }));
  const items: StreamItem[] = [{ type: 'chunk', data: { ...head, choices } }];
  if (usage !== undefined) {
    const promptTokens = usage.metered.inputTokens ?? 0;
    const completionTokens = usage.metered.outputTokens ?? 0;
    items.push({
      type: 'chunk',
      data: {
        ...head,
        choices: [],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
          cost: usdNumber(usage.costNanoUsd),
        },
      },
    });
  }
  return items;
}
