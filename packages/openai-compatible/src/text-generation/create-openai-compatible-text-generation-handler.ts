/** The `text-generation` task handler for any OpenAI-style `/v1/completions` upstream. */
import type {
  SyncTaskHandlerV1,
  TextGenerationInputV1,
  TextGenerationOutputV1,
} from '@tollgate/provider-spec';
import { boundTextGenerationUsage, limitTextGenerationOutputTokens } from './bound-text-generation-usage.js';
import { mapTextGenerationRequest } from './map-text-generation-request.js';
import { mapTextGenerationResponse } from './map-text-generation-response.js';
import type { OpenAICompatibleTextGenerationConfig } from './openai-compatible-text-generation-config.js';

/**
 * A sync JSON handler with pure mapping functions; quirks come from `config`.
 *
 * @example
 * // DeepInfra serves the OpenAI API under /v1/openai.
 * const textGeneration = createOpenAICompatibleTextGenerationHandler({ providerId: 'deepinfra', path: '/v1/openai/completions' });
 */
export function createOpenAICompatibleTextGenerationHandler(
  config: OpenAICompatibleTextGenerationConfig,
): SyncTaskHandlerV1<TextGenerationInputV1, TextGenerationOutputV1> {
  return {
    kind: 'sync',
    mapRequest: (args) => mapTextGenerationRequest(config, args),
    mapResponse: (args) => mapTextGenerationResponse(config, args),
    boundUsage: ({ input }) => boundTextGenerationUsage(input),
    limitOutputTokens: limitTextGenerationOutputTokens,
  };
}
