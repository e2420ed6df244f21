/** Simulates `POST {base}/embeddings`: one deterministic vector per input text. */
import { countTextTokens } from '../../simulator/count-prompt-tokens.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import type { SimulatedTaskRequest } from '../simulated-task-route.js';
import { checkModel } from './check-model.js';
import { jsonBody } from './json-body.js';
import type { OpenAIEmbeddingsRouteOptions } from './openai-task-routes-options.js';
import { simulatedEmbedding } from './simulated-embedding.js';

const DEFAULT_DIMENSIONS = 768;

function texts(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.length > 0 && input.every((item) => typeof item === 'string'))
    return input;
  return undefined;
}

/**
 * Answers an OpenAI embeddings list: a vector per text of the model's dimension (or `dimensions` when asked),
 * in input order, with the texts' o200k_base token count as `prompt_tokens` where the provider reports usage.
 *
 * @example
 * await serveOpenAIEmbeddings(exchange, request, { dimensionsFor: () => 1024 }, errors);
 */
export async function serveOpenAIEmbeddings(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  options: OpenAIEmbeddingsRouteOptions,
  errors: ProviderErrorDialect,
): Promise<void> {
  const body = jsonBody(request);
  if (!body) return sendJsonResponse(exchange, errors.invalidJson());
  const modelProblem = checkModel(body.model, request, errors);
  if (modelProblem) return sendJsonResponse(exchange, modelProblem);
  const model = body.model as string;
  const inputs = texts(body.input);
  if (!inputs) {
    return sendJsonResponse(
      exchange,
      errors.invalidRequest({ message: 'must be a string or a non-empty array of strings', param: 'input' }),
    );
  }
  const requested = body.dimensions;
  const dimensions =
    typeof requested === 'number' && Number.isInteger(requested) && requested > 0
      ? requested
      : (options.dimensionsFor?.(model) ?? DEFAULT_DIMENSIONS);
  const promptTokens = inputs.reduce((total, text) => total + countTextTokens(text), 0);
  const list: Record<string, unknown> = {
    object: 'list',
    data: inputs.map((text, index) => ({
      object: 'embedding',
      embedding: simulatedEmbedding(model, text, dimensions),
      index,
    })),
    model,
    ...(options.usage ? { usage: options.usage(promptTokens, model) } : {}),
  };
  await sendJsonResponse(exchange, {
    status: 200,
    body: options.decorate ? options.decorate(list) : list,
    delayMs: request.latency.firstTokenMs ?? 0,
  });
}
