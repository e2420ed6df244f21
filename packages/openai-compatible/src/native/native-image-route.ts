/** The native `/v1/images/generations` route of an OpenAI-style provider, billed as its routed images are. */
import type { ImageGenerationParametersV1, NativeRequestV1, NativeRouteV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { finishRequestBody } from '../shared-task-config.js';
import { imageUsage } from '../text-to-image/image-usage.js';
import type { OpenAICompatibleTextToImageConfig } from '../text-to-image/openai-compatible-text-to-image-config.js';
import { jsonBodyOf } from './json-body-of.js';

/** A positive whole number of pixels, or undefined (the provider then makes its default size). */
function pixels(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** The size the body asks for, written the provider's way (`size: "WxH"`, or `width` and `height`). */
function requestedSize(
  config: OpenAICompatibleTextToImageConfig,
  body: Record<string, unknown>,
): ImageGenerationParametersV1 {
  const [width, height] =
    config.size === 'width-height'
      ? [pixels(body.width), pixels(body.height)]
      : (/^(\d+)x(\d+)$/.exec(typeof body.size === 'string' ? body.size : '') ?? [])
          .slice(1)
          .map((side) => pixels(Number(side)));
  return { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
}

function modelFieldOf(config: OpenAICompatibleTextToImageConfig) {
  const field = config.modelField ?? 'model';
  return (request: NativeRequestV1): string | undefined => {
    const { body } = request;
    if (body.kind !== 'json' || body.value == null || typeof body.value !== 'object') return undefined;
    const model = (body.value as Record<string, unknown>)[field];
    return typeof model === 'string' && model !== '' ? model : undefined;
  };
}

/**
 * `POST {path}` for `text-to-image`: the model from the body (under the provider's `modelField`), the body passed
 * on with the task's quirks applied, and the answer metered like the routed task's ({@link imageUsage}): the
 * images in `data`, or their megapixels at the size the body asked for (every image is made at that size) or the
 * provider's documented default.
 *
 * @example
 * nativeImageRoute({ providerId: 'nscale', meter: { kind: 'megapixels', defaultSize: { width: 1024, height: 1024 } } });
 */
export function nativeImageRoute(config: OpenAICompatibleTextToImageConfig): NativeRouteV1 {
  return {
    method: 'POST',
    path: config.path ?? '/v1/images/generations',
    task: 'text-to-image',
    role: 'start',
    modelOf: modelFieldOf(config),
    mapRequest: ({ request }) =>
      forwardNativeRequest(request, { jsonBody: finishRequestBody(config, jsonBodyOf(request)) }),
    meterResponse: ({ request, response }) => {
      const data = (response.body as { data?: unknown } | null)?.data;
      const returned = Array.isArray(data) ? data.length : 0;
      if (returned === 0) return {};
      const meter = config.meter ?? { kind: 'images' };
      return { usage: imageUsage(meter, returned, requestedSize(config, jsonBodyOf(request))) };
    },
  };
}
