/** Reads an OpenAI-style image generation into the public `text-to-image` output and its usage. */
import type {
  ImageGenerationOutputV1,
  TaskResultV1,
  TextToImageInputV1,
  UpstreamResponseV1,
} from '@tollgate/provider-spec';
import { imageUsage } from './image-usage.js';
import { mapImageData } from './map-image-data.js';
import type { OpenAICompatibleTextToImageConfig } from './openai-compatible-text-to-image-config.js';

/**
 * Every image in `data`, and the usage the provider bills by (see {@link imageUsage}).
 *
 * @example
 * mapTextToImageResponse({ providerId: 'together', meter }, { input, response }); // { output: { images: [...] }, usage: { milliMegapixels: 1049 } }
 */
export function mapTextToImageResponse(
  config: OpenAICompatibleTextToImageConfig,
  { input, response }: { input: TextToImageInputV1; response: UpstreamResponseV1 },
): TaskResultV1<ImageGenerationOutputV1> {
  const images = mapImageData(config.providerId, response.body);
  return {
    output: { images },
    usage: imageUsage(config.meter ?? { kind: 'images' }, images.length, input.parameters),
  };
}
