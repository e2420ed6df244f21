/**
 * The worst-case usage of a chat request, for the credit hold taken before it is forwarded.
 *
 * Input tokens are bounded by UTF-8 bytes: every tokenizer the hosted chat models use is byte-level BPE (or
 * SentencePiece with byte fallback), whose tokens each cover at least one byte of the text, so a text never has
 * more tokens than bytes. The bound counts the bytes of the messages and tools serialised as JSON (the quotes,
 * keys and braces are more than the chat template's role markers) plus a per-message allowance for a template's
 * special tokens, and a per-image allowance for image parts given by URL (their pixels, not their bytes, are
 * tokenized; a data URL's base64 is far longer than its tokens).
 */
import type { UsageBoundV1 } from '@tollgate/provider-spec';
import type { ChatCompletionRequest } from './chat-completion-types.js';

/** Special tokens a chat template may put around one message (start, role, end, separators). */
export const TOKENS_PER_MESSAGE_ALLOWANCE = 16;
/** Fixed template tokens (reply priming, a default system prompt's markers, a tool-use preamble's markers). */
export const TOKENS_PER_REQUEST_ALLOWANCE = 64;
/** Tokens an image part given by http(s) URL may cost: the largest per-image count of common vision models. */
export const TOKENS_PER_IMAGE_URL_ALLOWANCE = 16_384;

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;

function imageUrlParts(messages: readonly unknown[]): number {
  let count = 0;
  for (const message of messages) {
    const content = (message as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) continue;
    for (const part of content) {
      const url = (part as { image_url?: { url?: unknown } } | null)?.image_url?.url;
      if (typeof url === 'string' && !url.startsWith('data:')) count += 1;
    }
  }
  return count;
}

/** The client's own output cap: `max_completion_tokens` (OpenAI's current name) or `max_tokens`. */
export function requestedMaxTokens(input: ChatCompletionRequest): number | undefined {
  return positiveInteger(input.max_completion_tokens) ?? positiveInteger(input.max_tokens);
}

/**
 * @example
 * boundChatUsage({ messages: [{ role: 'user', content: 'Hi' }], max_tokens: 100 });
 * // { usage: { inputTokens: 112 }, outputTokens: { requested: 100, sequences: 1 } }
 */
export function boundChatUsage(input: ChatCompletionRequest): UsageBoundV1 | undefined {
  if (input == null || typeof input !== 'object' || !Array.isArray(input.messages)) return undefined;
  const messages = input.messages;
  let bytes = Buffer.byteLength(JSON.stringify(messages), 'utf8');
  if (input.tools != null) bytes += Buffer.byteLength(JSON.stringify(input.tools), 'utf8');
  if (input.response_format != null)
    bytes += Buffer.byteLength(JSON.stringify(input.response_format), 'utf8');
  const inputTokens =
    bytes +
    messages.length * TOKENS_PER_MESSAGE_ALLOWANCE +
    TOKENS_PER_REQUEST_ALLOWANCE +
    imageUrlParts(messages) * TOKENS_PER_IMAGE_URL_ALLOWANCE;
  return {
    usage: { inputTokens },
    outputTokens: { requested: requestedMaxTokens(input), sequences: positiveInteger(input.n) ?? 1 },
  };
}

/**
 * The request with its cap set to `maxOutputTokens`, under the name the client used (`max_tokens` when it used
 * none: every OpenAI-compatible server reads it; OpenAI's newer `max_completion_tokens` is not universal).
 *
 * @example
 * limitChatOutputTokens({ input: { messages, max_completion_tokens: 900 }, maxOutputTokens: 300 });
 * // { messages, max_completion_tokens: 300 }
 */
export function limitChatOutputTokens({
  input,
  maxOutputTokens,
}: {
  input: ChatCompletionRequest;
  maxOutputTokens: number;
}): ChatCompletionRequest {
  if (positiveInteger(input.max_completion_tokens) !== undefined) {
    return { ...input, max_completion_tokens: maxOutputTokens };
  }
  return { ...input, max_tokens: maxOutputTokens };
}
