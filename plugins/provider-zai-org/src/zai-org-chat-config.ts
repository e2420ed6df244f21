/** Z.ai's OpenAI-compatible chat, shared by the routed task and the native chat route so both apply the same quirks. */
import type { OpenAICompatibleTasksConfig } from '@tollgate/openai-compatible';

/**
 * Z.ai's OpenAI-compatible chat lives under its "PaaS v4" prefix, not `/v1`.
 *
 * @example
 * createOpenAICompatibleNativeRoutes(zaiOrgChatConfig); // POST /api/paas/v4/chat/completions
 */
export const zaiOrgChatConfig: OpenAICompatibleTasksConfig = {
  providerId: 'zai-org',
  path: '/api/paas/v4/chat/completions',
};
