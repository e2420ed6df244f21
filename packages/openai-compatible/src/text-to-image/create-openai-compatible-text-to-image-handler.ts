/** The `text-to-image` task handler for any OpenAI-style `/v1/images/generations` upstream. */
import type { ImageGenerationOutputV1, SyncTaskHandlerV1, TextToImageInputV1 } from '@tollgate/provider-spec';
import { boundImageUsage } from './bound-image-usage.js';
import { mapTextToImageRequest } from './map-text-to-image-request.js';
import { mapTextToImageResponse } from './map-text-to-image-response.js';
import type { OpenAICompatibleTextToImageConfig } from './openai-compatible-text-to-image-config.js';

/**
 * A sync JSON handler with pure mapping functions; quirks come from `config`.
 *
 * @example
 * // Nscale answers only in base64 and bills per image.
 * const textToImage = createOpenAICompatibleTextToImageHandler({ providerId: 'nscale' });
 */
export function createOpenAICompatibleTextToImageHandler(
  config: OpenAICompatibleTextToImageConfig,
): SyncTaskHandlerV1<TextToImageInputV1, ImageGenerationOutputV1> {
  return {
    kind: 'sync',
    mapRequest: (args) => mapTextToImageRequest(config, args),
    mapResponse: (args) => mapTextToImageResponse(config, args),
    boundUsage: ({ input }) => boundImageUsage(config.meter ?? { kind: 'images' }, input),
  };
}
