/** hf-inference's per-model OpenAI routes: `/models/<id>/v1/chat/completions` and `/models/<id>/v1/completions`. */
import { createHash } from 'node:crypto';
import { countTextTokens } from '../../simulator/count-prompt-tokens.js';
import { planChatCompletion } from '../../simulator/plan-chat-completion.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import { serveChatCompletion } from '../../simulator/serve-chat-completion.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import { validateChatRequest } from '../../simulator/validate-chat-request.js';
import type { ProviderProfile } from '../provider-profile.js';
import type { SimulatedTaskRequest } from '../simulated-task-route.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { tgiHeaders } from './tgi-headers.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

/** TGI's `system_fingerprint`: its version and a short commit hash (stable per model here). */
export function tgiFingerprint(model: string): string {
  return `3.3.4-sha-${createHash('sha256').update(model).digest('hex').slice(0, 7)}`;
}

/**
 * The kit's chat simulation, with TGI's timing headers on a JSON answer (a stream's headers go out before the
 * compute is done, so TGI cannot send them there).
 *
 * @example
 * await serveModelChat(exchange, request, model, hfInferenceProfile);
 */
export async function serveModelChat(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  model: HfSimulatedModel,
  profile: ProviderProfile,
): Promise<void> {
  const body = request.body;
  if (isRecord(body) && body.stream !== true && validateChatRequest(body) === undefined) {
    const plan = planChatCompletion(body, { newToolCallId: profile.newToolCallId });
    const promptCharacters = JSON.stringify(body.messages).length;
    const headers = tgiHeaders(model, {
      promptCharacters,
      promptTokens: plan.promptTokens,
      generatedTokens: plan.completionTokens,
    });
    for (const [name, value] of Object.entries(headers)) exchange.response.setHeader(name, value);
  }
  return serveChatCompletion(exchange, body, { profile, models: request.models, latency: request.latency });
}

/**
 * An OpenAI `text_completion` for `{model, prompt, max_tokens, ...}`, the route hf-inference's
 * text-generation task uses, with the same deterministic text as chat and TGI's headers.
 *
 * @example
 * await serveModelCompletion(exchange, request, model, hfInferenceProfile);
 */
export async function serveModelCompletion(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  model: HfSimulatedModel,
  profile: ProviderProfile,
): Promise<void> {
  const body = request.body;
  if (!isRecord(body)) return sendJsonResponse(exchange, profile.errors.invalidJson());
  if (typeof body.prompt !== 'string' || body.prompt === '') {
    return sendJsonResponse(
      exchange,
      profile.errors.invalidRequest({ param: 'prompt', message: 'must be a non-empty string' }),
    );
  }
  const prompt = body.prompt;
  const plan = planChatCompletion(
    { model: model.id, messages: [{ role: 'user', content: prompt }], max_tokens: body.max_tokens },
    { newToolCallId: profile.newToolCallId },
  );
  const promptTokens = countTextTokens(prompt);
  const text = ` ${plan.content ?? ''}`;
  const completionTokens = countTextTokens(text);
  return sendJsonResponse(exchange, {
    status: 200,
    headers: tgiHeaders(model, {
      promptCharacters: prompt.length,
      promptTokens,
      generatedTokens: completionTokens,
    }),
    delayMs: request.latency.firstTokenMs ?? 0,
    body: {
      object: 'text_completion',
      id: '',
      created: Math.floor(Date.now() / 1000),
      model: model.id,
      system_fingerprint: tgiFingerprint(model.id),
      choices: [{ index: 0, text, logprobs: null, finish_reason: plan.finishReason }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    },
  });
}
