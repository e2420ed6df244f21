/** Reads an OpenAI-style chat completion SSE stream into text deltas, usage and in-stream errors. */
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { isRecord } from '../is-record.js';
import { type ChatUsage, readChatUsage } from './chat-usage.js';

export type ChatStreamEvent =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'usage'; readonly usage: ChatUsage }
  | { readonly type: 'error'; readonly message: string };

function textOf(chunk: Record<string, unknown>): string {
  const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
  const first: unknown = choices[0];
  if (!isRecord(first) || !isRecord(first.delta)) return '';
  return typeof first.delta.content === 'string' ? first.delta.content : '';
}

/**
 * Yields events in arrival order and stops at `[DONE]` (or the end of the body, for servers that omit it).
 *
 * @example
 * for await (const event of readChatStream(response.body)) if (event.type === 'text') stdout.write(event.text);
 */
export async function* readChatStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatStreamEvent> {
  const events = body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  for await (const event of events) {
    if (event.data === '[DONE]') return;
    let chunk: unknown;
    try {
      chunk = JSON.parse(event.data);
    } catch {
      yield {
        type: 'error',
        message: `the gateway sent a stream event that is not JSON: ${event.data.slice(0, 200)}`,
      };
      return;
    }
    const chunkEvents = chatEventsOf(chunk);
    yield* chunkEvents;
    if (chunkEvents.some((chunkEvent) => chunkEvent.type === 'error')) return;
  }
}

/**
 * The events of one parsed chunk (a gateway's SSE event, or a chunk a direct call's executor produced).
 *
 * @example chatEventsOf({ choices: [{ delta: { content: 'Hi' } }] }) // [{ type: 'text', text: 'Hi' }]
 */
export function chatEventsOf(chunk: unknown): ChatStreamEvent[] {
  if (!isRecord(chunk)) return [];
  if (isRecord(chunk.error)) {
    const message =
      typeof chunk.error.message === 'string' ? chunk.error.message : JSON.stringify(chunk.error);
    return [{ type: 'error', message }];
  }
  const events: ChatStreamEvent[] = [];
  const text = textOf(chunk);
  if (text !== '') events.push({ type: 'text', text });
  const usage = readChatUsage(chunk);
  if (usage) events.push({ type: 'usage', usage });
  return events;
}
