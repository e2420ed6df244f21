/**
 * Hyperbolic's own image API at `/hyperbolic/v1/images/generations`, as Hugging Face's router serves it. The path is
 * OpenAI's but the body is not: the model goes in `model_name` (see `map-hyperbolic-text-to-image-request.ts`), and
 * the answer is `{ images: [{ index, image }] }`. Chat comes from `createOpenAICompatibleNativeRoutes`.
 */
import type { NativeRequestV1, NativeRouteV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { hyperbolicImageCount } from '../map-hyperbolic-text-to-image-response.js';

function modelNameOf(request: NativeRequestV1): string | undefined {
  const { body } = request;
  if (body.kind !== 'json' || body.value == null || typeof body.value !== 'object') return undefined;
  const model = (body.value as { model_name?: unknown }).model_name;
  return typeof model === 'string' && model !== '' ? model : undefined;
}

const images: NativeRouteV1 = {
  method: 'POST',
  path: '/v1/images/generations',
  task: 'text-to-image',
  role: 'start',
  modelOf: modelNameOf,
  mapRequest: ({ request }) => forwardNativeRequest(request),
  // Per image, as the routed task bills Hyperbolic's images.
  meterResponse: ({ response }) => {
    const count = hyperbolicImageCount(response.body);
    return count > 0 ? { usage: { images: count } } : {};
  },
};

/**
 * @example
 * nativeRoutes: [...createOpenAICompatibleNativeRoutes(config), ...hyperbolicNativeRoutes]
 */
export const hyperbolicNativeRoutes: readonly NativeRouteV1[] = [images];
