/** OVHcloud AI Endpoints' `/v1/completions` on the unified endpoint, vLLM-shaped. */
import { createOpenAITaskRoutes } from '../openai-task-routes/create-openai-task-routes.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import { randomHex } from '../random-ids.js';
import type { SimulatedTaskRoute } from '../simulated-task-route.js';

/**
 * @example
 * taskRoutes: ovhcloudTaskRoutes(() => ovhcloudProfile.errors),
 */
export function ovhcloudTaskRoutes(errors: () => ProviderErrorDialect): SimulatedTaskRoute[] {
  return createOpenAITaskRoutes({
    basePath: '/v1',
    errors,
    completions: { newId: () => `cmpl-${randomHex(32)}` },
  });
}
