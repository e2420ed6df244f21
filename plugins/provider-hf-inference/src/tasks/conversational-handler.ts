/** `conversational` on hf-inference: OpenAI-style chat on a route per model, metered by compute time. */
import {
  type ChatCompletion,
  type ChatCompletionRequest,
  isChatStreaming,
  mapChatRequest,
  mapChatResponse,
  mapChatStreamChunk,
  type OpenAICompatibleChatConfig,
} from '@tollgate/openai-compatible';
import type { SyncTaskHandlerV1 } from '@tollgate/provider-spec';
import { modelRoute } from '../model-route.js';
import { readComputeUsage } from '../read-compute-usage.js';

const config: OpenAICompatibleChatConfig = { providerId: 'hf-inference' };

/**
 * The shared OpenAI-compatible chat mapping, posted to `/models/<hf id>/v1/chat/completions` (hf-inference
 * has no single chat route; each model serves its own). A JSON answer is metered by the compute time in its
 * headers, beside the token counts it reports; a stream carries only token counts, since its headers are
 * written before the compute is done and the host gives a stream's chunks no headers.
 *
 * @example
 * conversationalHandler.mapRequest({ input: { messages: [{ role: 'user', content: 'Hi' }] }, context });
 * // POST /models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions {"messages":[...],"model":"HuggingFaceTB/SmolLM3-3B"}
 */
export const conversationalHandler: SyncTaskHandlerV1<ChatCompletionRequest, ChatCompletion> = {
  kind: 'sync',
  isStreaming: isChatStreaming,
  // Object.assign, not a leading spread plus keys: on Node 20 that gives every request's objects a hidden class of
  // their own, and each read of them (the chat mapping's, pricing's) misses its inline cache.
  mapRequest: (args) =>
    mapChatRequest(
      Object.assign({}, config, { path: modelRoute(args.context.providerModelId, '/v1/chat/completions') }),
      args,
    ),
  mapResponse: (args) => {
    const result = mapChatResponse(config, args);
    return { ...result, usage: Object.assign({}, result.usage, readComputeUsage(args.response.headers)) };
  },
  mapStreamChunk: (args) => mapChatStreamChunk(config, args),
};
