/** The `conversational` task handler for any OpenAI-compatible chat-completions upstream. */
import type { SyncTaskHandlerV1 } from '@tollgate/provider-spec';
import { boundChatUsage, limitChatOutputTokens } from './bound-chat-usage.js';
import type { ChatCompletion, ChatCompletionRequest } from './chat-completion-types.js';
import { isChatStreaming, mapChatRequest } from './map-chat-request.js';
import { mapChatResponse } from './map-chat-response.js';
import { mapChatStreamChunk } from './map-chat-stream-chunk.js';
import type { OpenAICompatibleChatConfig } from './openai-compatible-chat-config.js';

/**
 * A sync handler (JSON and SSE) whose mapping functions are pure; the quirks come from `config`.
 *
 * @example
 * // Cerebras rejects `store` with a 400.
 * const chat = createOpenAICompatibleChatHandler({ providerId: 'cerebras', unsupportedParameters: ['store'] });
 */
export function createOpenAICompatibleChatHandler(
  config: OpenAICompatibleChatConfig,
): SyncTaskHandlerV1<ChatCompletionRequest, ChatCompletion> {
  return {
    kind: 'sync',
    isStreaming: isChatStreaming,
    mapRequest: (args) => mapChatRequest(config, args),
    mapResponse: (args) => mapChatResponse(config, args),
    mapStreamChunk: (args) => mapChatStreamChunk(config, args),
    boundUsage: ({ input }) => boundChatUsage(input),
    limitOutputTokens: limitChatOutputTokens,
  };
}
