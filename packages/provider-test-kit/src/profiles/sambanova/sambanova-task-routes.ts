/** SambaNova Cloud's `/v1/embeddings` (E5-Mistral, 4096 dimensions), with OpenAI's `usage`. */
import { createOpenAITaskRoutes } from '../openai-task-routes/create-openai-task-routes.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import type { SimulatedTaskRoute } from '../simulated-task-route.js';

/**
 * @example
 * taskRoutes: sambanovaTaskRoutes(() => sambanovaProfile.errors),
 */
export function sambanovaTaskRoutes(errors: () => ProviderErrorDialect): SimulatedTaskRoute[] {
  return createOpenAITaskRoutes({
    basePath: '/v1',
    errors,
    embeddings: {
      dimensionsFor: () => 4096,
      usage: (tokens) => ({ prompt_tokens: tokens, total_tokens: tokens }),
    },
  });
}
