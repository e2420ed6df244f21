/** Simulates `POST {base}/images/generations`: real PNG files, as base64 or as URLs the simulator serves. */
import { encodePng } from '../../media/encode-png.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import type { ProviderErrorDialect, SimulatedErrorResponse } from '../provider-profile.js';
import type { SimulatedTaskRequest } from '../simulated-task-route.js';
import { checkModel } from './check-model.js';
import { jsonBody } from './json-body.js';
import type { OpenAIImagesRouteOptions } from './openai-task-routes-options.js';

/** Keeps simulated images small enough to encode quickly; real providers cap sizes too. */
const MAX_SIDE = 2048;
const MAX_IMAGES = 4;

interface ImagePlan {
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly format: string;
}

function side(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SIDE
    ? value
    : undefined;
}

function planImages(
  body: Record<string, unknown>,
  options: OpenAIImagesRouteOptions,
  errors: ProviderErrorDialect,
): ImagePlan | SimulatedErrorResponse {
  const invalid = (param: string, message: string) => errors.invalidRequest({ message, param });
  let { width, height } = options.defaultSize;
  if (options.size === 'size' && body.size !== undefined) {
    const match = typeof body.size === 'string' ? /^(\d+)x(\d+)$/.exec(body.size) : null;
    const [w, h] = match ? [side(Number(match[1])), side(Number(match[2]))] : [undefined, undefined];
    if (w === undefined || h === undefined)
      return invalid('size', `must be WIDTHxHEIGHT, at most ${MAX_SIDE}`);
    [width, height] = [w, h];
  }
  if (options.size === 'width-height') {
    for (const key of ['width', 'height'] as const) {
      if (body[key] === undefined) continue;
      const value = side(body[key]);
      if (value === undefined) return invalid(key, `must be an integer from 1 to ${MAX_SIDE}`);
      if (key === 'width') width = value;
      else height = value;
    }
  }
  const count = body.n ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_IMAGES)
    return invalid('n', `must be an integer from 1 to ${MAX_IMAGES}`);
  const format = body.response_format ?? options.defaultFormat;
  const formats = [options.base64Format, ...(options.urlFormat ? [options.urlFormat] : [])];
  if (typeof format !== 'string' || !formats.includes(format))
    return invalid('response_format', `must be one of ${formats.join(', ')}`);
  return { width, height, count, format };
}

/**
 * Answers `{ created, data }` (or the provider's envelope) with `n` PNGs of the requested size, seeded by the
 * prompt: `b64_json` items, or `url` items pointing into the simulator's media store.
 *
 * @example
 * await serveOpenAIImageGeneration(exchange, request, { size: 'size', defaultSize, base64Format: 'b64_json', defaultFormat: 'b64_json' }, errors);
 */
export async function serveOpenAIImageGeneration(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  options: OpenAIImagesRouteOptions,
  errors: ProviderErrorDialect,
): Promise<void> {
  const body = jsonBody(request);
  if (!body) return sendJsonResponse(exchange, errors.invalidJson());
  const modelProblem = checkModel(body.model, request, errors);
  if (modelProblem) return sendJsonResponse(exchange, modelProblem);
  const model = body.model as string;
  if (typeof body.prompt !== 'string' || body.prompt === '') {
    return sendJsonResponse(exchange, errors.invalidRequest({ message: 'is required', param: 'prompt' }));
  }
  const plan = planImages(body, options, errors);
  if ('status' in plan) return sendJsonResponse(exchange, plan);
  const data = Array.from({ length: plan.count }, (_, index) => {
    const png = encodePng({
      width: plan.width,
      height: plan.height,
      seed: `${model}\n${body.prompt}\n${index}`,
    });
    const item =
      plan.format === options.urlFormat
        ? { url: request.media.put(png, 'image/png', 'png') }
        : { b64_json: Buffer.from(png).toString('base64') };
    return options.decorateItem ? options.decorateItem(item, index) : item;
  });
  await sendJsonResponse(exchange, {
    status: 200,
    body: options.envelope ? options.envelope(data, model) : { created: Math.floor(Date.now() / 1000), data },
    delayMs: request.latency.firstTokenMs ?? 0,
  });
}
