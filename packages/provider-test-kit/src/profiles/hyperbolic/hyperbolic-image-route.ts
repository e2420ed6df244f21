/**
 * Hyperbolic's `/v1/images/generations`, which is not OpenAI's: the model goes in `model_name`, the size in
 * `width`/`height` (1024x1024 by default), steps in `steps`, and the answer is `{ images: [{ index, image }],
 * inference_time }` with each image as base64.
 */
import { encodePng } from '../../media/encode-png.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import { jsonBody } from '../openai-task-routes/json-body.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import type { SimulatedTaskRoute } from '../simulated-task-route.js';

const MAX_SIDE = 2048;
const MAX_IMAGES = 4;

function dimension(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'number' && Number.isInteger(value) && value >= 64 && value <= MAX_SIDE
    ? value
    : undefined;
}

/**
 * @example
 * taskRoutes: [hyperbolicImageRoute(() => hyperbolicProfile.errors)],
 */
export function hyperbolicImageRoute(errors: () => ProviderErrorDialect): SimulatedTaskRoute {
  return {
    method: 'POST',
    path: '/v1/images/generations',
    serve: async (exchange, request) => {
      const dialect = errors();
      const body = jsonBody(request);
      if (!body) return sendJsonResponse(exchange, dialect.invalidJson());
      const model = body.model_name;
      if (typeof model !== 'string' || model === '') {
        return sendJsonResponse(
          exchange,
          dialect.invalidRequest({ message: 'is required', param: 'model_name' }),
        );
      }
      if (!request.models.some((candidate) => candidate.id === model))
        return sendJsonResponse(exchange, dialect.modelNotFound(model));
      if (typeof body.prompt !== 'string' || body.prompt === '') {
        return sendJsonResponse(
          exchange,
          dialect.invalidRequest({ message: 'is required', param: 'prompt' }),
        );
      }
      const width = dimension(body.width, 1024);
      const height = dimension(body.height, 1024);
      if (width === undefined || height === undefined) {
        return sendJsonResponse(
          exchange,
          dialect.invalidRequest({ message: `must be an integer from 64 to ${MAX_SIDE}`, param: 'width' }),
        );
      }
      const count = body.n ?? 1;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_IMAGES) {
        return sendJsonResponse(exchange, dialect.invalidRequest({ message: 'must be 1 to 4', param: 'n' }));
      }
      const images = Array.from({ length: count }, (_, index) => ({
        index,
        image: Buffer.from(encodePng({ width, height, seed: `${model}\n${body.prompt}\n${index}` })).toString(
          'base64',
        ),
      }));
      const delayMs = request.latency.firstTokenMs ?? 0;
      await sendJsonResponse(exchange, {
        status: 200,
        body: { images, inference_time: Number((0.5 + delayMs / 1000).toFixed(3)) },
        delayMs,
      });
    },
  };
}
