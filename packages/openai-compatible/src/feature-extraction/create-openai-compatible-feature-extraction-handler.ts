/** The `feature-extraction` task handler for any OpenAI-style `/v1/embeddings` upstream. */
import type {
  FeatureExtractionInputV1,
  FeatureExtractionOutputV1,
  SyncTaskHandlerV1,
} from '@tollgate/provider-spec';
import { boundFeatureExtractionUsage } from './bound-feature-extraction-usage.js';
import { mapFeatureExtractionRequest } from './map-feature-extraction-request.js';
import { mapFeatureExtractionResponse } from './map-feature-extraction-response.js';
import type { OpenAICompatibleFeatureExtractionConfig } from './openai-compatible-feature-extraction-config.js';

/**
 * A sync JSON handler with pure mapping functions; quirks come from `config`.
 *
 * @example
 * const embeddings = createOpenAICompatibleFeatureExtractionHandler({ providerId: 'deepinfra', path: '/v1/openai/embeddings' });
 */
export function createOpenAICompatibleFeatureExtractionHandler(
  config: OpenAICompatibleFeatureExtractionConfig,
): SyncTaskHandlerV1<FeatureExtractionInputV1, FeatureExtractionOutputV1> {
  return {
    kind: 'sync',
    mapRequest: (args) => mapFeatureExtractionRequest(config, args),
    mapResponse: (args) => mapFeatureExtractionResponse(config, args),
    boundUsage: ({ input }) => boundFeatureExtractionUsage(input),
  };
}
