/** Hyperbolic's `text-to-image` task handler: its own request and answer shapes on `/v1/images/generations`. */
import type { ImageGenerationOutputV1, SyncTaskHandlerV1, TextToImageInputV1 } from '@tollgate/provider-spec';
import { mapHyperbolicTextToImageRequest } from './map-hyperbolic-text-to-image-request.js';
import { mapHyperbolicTextToImageResponse } from './map-hyperbolic-text-to-image-response.js';

/**
 * @example
 * tasks: { ...createOpenAICompatibleTasks({ providerId: 'hyperbolic' }), 'text-to-image': createHyperbolicTextToImageHandler() }
 */
export function createHyperbolicTextToImageHandler(): SyncTaskHandlerV1<
  TextToImageInputV1,
  ImageGenerationOutputV1
> {
  return {
    kind: 'sync',
    mapRequest: mapHyperbolicTextToImageRequest,
    mapResponse: mapHyperbolicTextToImageResponse,
  };
}
