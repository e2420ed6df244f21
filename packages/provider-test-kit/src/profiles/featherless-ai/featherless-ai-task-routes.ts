/** Featherless AI's `/v1/completions` for raw prompts, vLLM-shaped. */
import { createOpenAITaskRoutes } from '../openai-task-routes/create-openai-task-routes.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import { randomHex } from '../random-ids.js';
import type { SimulatedTaskRoute } from '../simulated-task-route.js';

/**
 * @example
 * taskRoutes: featherlessAiTaskRoutes(() => featherlessAiProfile.errors),
 */
export function featherlessAiTaskRoutes(errors: () => ProviderErrorDialect): SimulatedTaskRoute[] {
  return createOpenAITaskRoutes({
    basePath: '/v1',
    errors,
    completions: { newId: () => `cmpl-${randomHex(32)}` },
  });
}
