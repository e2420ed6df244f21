/** Answers one chat completion request the way the provider would: validation, model check, then the answer. */
import type { ProviderProfile, SimulatedModel } from '../profiles/provider-profile.js';
import { buildChatCompletion } from './build-chat-completion.js';
import { buildChatStreamChunks } from './build-chat-stream-chunks.js';
import { createCompletionFacts } from './completion-facts.js';
import { planChatCompletion } from './plan-chat-completion.js';
import { sendEventStream } from './send-event-stream.js';
import { sendJsonResponse } from './send-json-response.js';
import type { SimulatedExchange } from './simulated-exchange.js';
import type { SimulatorLatency } from './simulator-types.js';
import { validateChatRequest } from './validate-chat-request.js';

export interface ChatCompletionContext {
  readonly profile: ProviderProfile;
  readonly models: readonly SimulatedModel[];
  readonly latency: SimulatorLatency;
  /** Told the tokens of every answer served (a billing API prices them). */
  readonly onServed?: (tokens: { readonly input: number; readonly output: number }) => void;
}

function tokenIntervalMs(latency: SimulatorLatency): number {
  return latency.tokensPerSecond && latency.tokensPerSecond > 0 ? 1000 / latency.tokensPerSecond : 0;
}

/**
 * Validates `body` as the provider does and answers it, as JSON or as a paced event stream.
 *
 * @example
 * await serveChatCompletion(exchange, parsedBody, { profile: groqProfile, models, latency: {} });
 */
export async function serveChatCompletion(
  exchange: SimulatedExchange,
  body: unknown,
  { profile, models, latency, onServed }: ChatCompletionContext,
): Promise<void> {
  if (body === undefined || typeof body === 'string')
    return sendJsonResponse(exchange, profile.errors.invalidJson());
  const problem = validateChatRequest(body);
  if (problem) return sendJsonResponse(exchange, profile.errors.invalidRequest(problem));
  const request = body as Record<string, unknown>;
  const model = String(request.model);
  if (!models.some((candidate) => candidate.id === model))
    return sendJsonResponse(exchange, profile.errors.modelNotFound(model));
  const quirk = profile.checkQuirks?.(request);
  if (quirk) return sendJsonResponse(exchange, profile.errors.invalidRequest(quirk));

  const plan = planChatCompletion(request, { newToolCallId: profile.newToolCallId });
  const facts = createCompletionFacts(profile, model, plan, latency);
  onServed?.({ input: plan.promptTokens, output: plan.completionTokens });
  const headers: Record<string, string> = profile.requestIdHeader
    ? { [profile.requestIdHeader]: facts.requestId }
    : {};
  const firstTokenMs = latency.firstTokenMs ?? 0;
  const intervalMs = tokenIntervalMs(latency);
  if (request.stream !== true) {
    const delayMs = firstTokenMs + Math.max(0, plan.pieces.length - 1) * intervalMs;
    return sendJsonResponse(exchange, {
      status: 200,
      body: buildChatCompletion(profile, facts),
      headers,
      delayMs,
    });
  }
  const streamOptions = request.stream_options as { include_usage?: unknown } | null | undefined;
  const chunks = buildChatStreamChunks(profile, facts, streamOptions?.include_usage === true);
  let previousCarriedToken = false;
  const events = chunks.map(({ kind, chunk }, index) => {
    const carriesToken = kind === 'content' || kind === 'tool-call';
    const delayMs = index === 0 ? firstTokenMs : carriesToken && previousCarriedToken ? intervalMs : 0;
    previousCarriedToken = carriesToken;
    return { data: JSON.stringify(chunk), delayMs };
  });
  return sendEventStream(exchange, headers, events);
}
