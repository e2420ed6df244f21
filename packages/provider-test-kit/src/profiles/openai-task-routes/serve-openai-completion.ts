/** Simulates `POST {base}/completions`: a raw prompt continued with deterministic words. */
import { countTextTokens } from '../../simulator/count-prompt-tokens.js';
import { createSeededRandom } from '../../simulator/seeded-random.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import type { SimulatedTaskRequest } from '../simulated-task-route.js';
import { checkModel } from './check-model.js';
import { jsonBody } from './json-body.js';
import type { OpenAICompletionRouteOptions } from './openai-task-routes-options.js';
import { simulatedWords } from './simulated-words.js';

/** How many tokens an unlimited completion runs to before it stops by itself. */
const NATURAL_LENGTH = { min: 8, spread: 8 };

/**
 * Answers a `text_completion`: `max_tokens` words (or 8 to 15 when unlimited, finishing with `stop`), and the
 * prompt's o200k_base token count as `prompt_tokens`.
 *
 * @example
 * await serveOpenAICompletion(exchange, request, { newId: () => 'cmpl-1' }, errors);
 */
export async function serveOpenAICompletion(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  options: OpenAICompletionRouteOptions,
  errors: ProviderErrorDialect,
): Promise<void> {
  const body = jsonBody(request);
  if (!body) return sendJsonResponse(exchange, errors.invalidJson());
  const modelProblem = checkModel(body.model, request, errors);
  if (modelProblem) return sendJsonResponse(exchange, modelProblem);
  const model = body.model as string;
  const { prompt, max_tokens: maxTokens } = body;
  if (typeof prompt !== 'string') {
    return sendJsonResponse(
      exchange,
      errors.invalidRequest({ message: 'must be a string', param: 'prompt' }),
    );
  }
  if (
    maxTokens !== undefined &&
    (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1)
  ) {
    return sendJsonResponse(
      exchange,
      errors.invalidRequest({ message: 'must be a positive integer', param: 'max_tokens' }),
    );
  }
  const natural = NATURAL_LENGTH.min + createSeededRandom({ model, prompt }).below(NATURAL_LENGTH.spread);
  const completionTokens = typeof maxTokens === 'number' ? Math.min(maxTokens, natural) : natural;
  const text = simulatedWords({ model, prompt }, completionTokens).join('');
  const counts = { promptTokens: countTextTokens(prompt), completionTokens };
  const completion = {
    id: options.newId(),
    object: options.object ?? 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        text,
        logprobs: null,
        finish_reason: completionTokens === maxTokens ? 'length' : 'stop',
      },
    ],
    usage: options.usage?.(counts, model) ?? {
      prompt_tokens: counts.promptTokens,
      completion_tokens: counts.completionTokens,
      total_tokens: counts.promptTokens + counts.completionTokens,
    },
  };
  await sendJsonResponse(exchange, {
    status: 200,
    body: options.decorate ? options.decorate(completion) : completion,
    delayMs: request.latency.firstTokenMs ?? 0,
  });
}
