/** Novita's OpenAI-compatible chat, shared by the routed task and the native chat route so both apply the same quirks. */
import type { OpenAICompatibleTasksConfig } from '@tollgate/openai-compatible';

/**
 * Novita's OpenAI API lives under `/v3/openai` (the route Hugging Face's clients call); the rest of `/v3` is
 * Novita's native image, video and audio API.
 *
 * @example
 * createOpenAICompatibleNativeRoutes(novitaChatConfig); // POST /v3/openai/chat/completions
 */
export const novitaChatConfig: OpenAICompatibleTasksConfig = {
  providerId: 'novita',
  path: '/v3/openai/chat/completions',
};
