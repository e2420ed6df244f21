/**
 * The validation prober's checks of one chat mapping, through the provider's own plugin: a small streamed request
 * (answers 2xx, chunks shaped like chat completion chunks, a first token within `maxFirstTokenMs`, measuring time
 * to first token and output speed), then, when that passed and capability probes are on, a tool call and a
 * structured answer. Calls go straight to the provider with the gateway's upstream settings: no account, no credit.
 */
import {
  type CallContextV1,
  type ProviderPluginV1,
  type SyncTaskHandlerV1,
  UpstreamApiError,
  type UsageV1,
} from '@tollgate/provider-spec';
import { callUpstream, openUpstreamStream } from '@tollgate/provider-utils';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import type { UpstreamTargets } from '../execution/upstream-targets.js';

export interface ChatProbeLimits {
  /** The whole of one request (stream included) must end within this; default 30000. */
  readonly timeoutMs: number;
  /** A streamed first token later than this fails the probe; Hugging Face's limit is 5 s. */
  readonly maxFirstTokenMs: number;
  /** Whether to check tool calling and structured output after the basic probe passed. */
  readonly capabilities: boolean;
}

export interface ChatProbeVerdict {
  readonly health: 'healthy' | 'unhealthy';
  /** Why it failed, for operators. */
  readonly error?: string;
  readonly firstTokenLatencyMs?: number;
  readonly outputTokensPerSecond?: number;
  /** For a provider whose handler cannot stream: the whole answer's latency. */
  readonly completionLatencyMs?: number;
  /** Undefined when not checked, or when the check failed for a reason that says nothing about the capability. */
  readonly supportsTools?: boolean;
  readonly supportsStructuredOutput?: boolean;
}

export interface ChatProbeArgs {
  readonly plugin: ProviderPluginV1;
  readonly entry: CatalogEntry;
  readonly targets: UpstreamTargets;
  readonly limits: ChatProbeLimits;
  /** A unique id per probe (sent as the call's request id). */
  readonly requestId: string;
  /** Aborts the probe's requests (the prober stopping). */
  readonly signal?: AbortSignal;
}

export const PROBE_TOOL_NAME = 'get_current_weather';

const PROBE_TOOL = {
  type: 'function',
  function: {
    name: PROBE_TOOL_NAME,
    description: 'Current weather in a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    },
  },
} as const;

const PROBE_SCHEMA = {
  type: 'object',
  properties: { answer: { type: 'string' } },
  required: ['answer'],
  additionalProperties: false,
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Why a probe failed, for operators; the probe's own deadline reads as one, not as the abort it is made of. */
function describe(error: unknown, args: ChatProbeArgs): string {
  const timedOut =
    (error instanceof Error && error.name === 'TimeoutError') ||
    (UpstreamApiError.isInstance(error) && error.reason === 'aborted' && args.signal?.aborted !== true);
  if (timedOut) return `no complete answer within ${args.limits.timeoutMs} ms`;
  return error instanceof Error ? error.message : String(error);
}

/** A capability check's failure: the provider refusing the feature (a 4xx) says "unsupported"; anything else, nothing. */
function refusedFeature(error: unknown): boolean {
  return (
    UpstreamApiError.isInstance(error) && error.upstreamStatus !== undefined && error.upstreamStatus < 500
  );
}

class ProbeFailure extends Error {}

/** The first choice's delta of a chat completion chunk, or a failure when the chunk is not one. */
function deltaOf(chunk: unknown): Record<string, unknown> | undefined {
  if (!isRecord(chunk) || !Array.isArray(chunk.choices))
    throw new ProbeFailure('a stream chunk is not a chat completion chunk (no `choices` array)');
  const [choice] = chunk.choices;
  if (choice === undefined) return undefined;
  if (!isRecord(choice) || !isRecord(choice.delta))
    throw new ProbeFailure('a stream chunk has a choice without a `delta` object');
  return choice.delta;
}

/**
 * @example
 * const verdict = await probeChatMapping({ plugin: groqPlugin, entry, targets, requestId: 'probe-1',
 *   limits: { timeoutMs: 30_000, maxFirstTokenMs: 5_000, capabilities: true } });
 * verdict.health; // 'healthy'
 */
export async function probeChatMapping(args: ChatProbeArgs): Promise<ChatProbeVerdict> {
  const handler = args.plugin.tasks.conversational;
  if (handler?.kind !== 'sync') {
    return { health: 'unhealthy', error: `provider '${args.plugin.id}' has no chat handler` };
  }
  let basic: ChatProbeVerdict;
  try {
    basic = await basicProbe(handler, args);
  } catch (error) {
    return { health: 'unhealthy', error: describe(error, args) };
  }
  if (!args.limits.capabilities) return basic;
  const supportsTools = await capability(() => toolProbe(handler, args));
  const supportsStructuredOutput = await capability(() => structuredOutputProbe(handler, args));
  return {
    ...basic,
    ...(supportsTools !== undefined ? { supportsTools } : {}),
    ...(supportsStructuredOutput !== undefined ? { supportsStructuredOutput } : {}),
  };
}

async function capability(check: () => Promise<boolean>): Promise<boolean | undefined> {
  try {
    return await check();
  } catch (error) {
    return refusedFeature(error) ? false : undefined;
  }
}

function signalFor({ limits, signal }: ChatProbeArgs): AbortSignal {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  return signal ? AbortSignal.any([timeout, signal]) : timeout;
}

function contextOf({ entry, plugin, requestId }: ChatProbeArgs): CallContextV1 {
  return {
    requestId,
    providerId: plugin.id,
    hfModelId: entry.hfModelId,
    providerModelId: entry.providerModelId,
  };
}

const greeting = [{ role: 'user', content: 'Say hello in one short sentence.' }];

async function basicProbe(handler: SyncTaskHandlerV1, args: ChatProbeArgs): Promise<ChatProbeVerdict> {
  const input = { model: args.entry.hfModelId, messages: greeting, max_tokens: 32, stream: true };
  if (handler.mapStreamChunk !== undefined && handler.isStreaming?.(input) === true) {
    return streamProbe(handler, args, input);
  }
  const started = performance.now();
  const output = await complete(handler, args, { ...input, stream: false });
  const message = firstMessage(output);
  if (typeof message?.content !== 'string' || message.content.length === 0)
    throw new ProbeFailure('the answer has no text');
  return { health: 'healthy', completionLatencyMs: Math.round(performance.now() - started) };
}

async function streamProbe(
  handler: SyncTaskHandlerV1,
  args: ChatProbeArgs,
  input: Record<string, unknown>,
): Promise<ChatProbeVerdict> {
  const context = contextOf(args);
  const mapChunk = handler.mapStreamChunk!;
  const started = performance.now();
  const upstream = await openUpstreamStream(
    args.targets.call(args.plugin, handler.mapRequest({ input, context }), signalFor(args)),
  );
  let firstAt: number | undefined;
  let lastAt: number | undefined;
  let tokens = 0;
  let text = '';
  let usage: UsageV1 | undefined;
  let done = false;
  const iterator = upstream.eventBatches[Symbol.asyncIterator]();
  try {
    while (!done) {
      const step = await iterator.next();
      if (step.done) break;
      for (const event of step.value) {
        const result = mapChunk({ input, event, context });
        if (result.usage) usage = result.usage;
        if (result.error) throw new ProbeFailure(`the stream reported an error: ${result.error.message}`);
        if (result.emit !== undefined) {
          const delta = deltaOf(parseJson(result.emit));
          const now = performance.now();
          firstAt ??= now;
          if (typeof delta?.content === 'string' && delta.content.length > 0) {
            text += delta.content;
            tokens += 1;
            lastAt = now;
          }
        }
        if (result.done) {
          done = true;
          break;
        }
      }
    }
  } finally {
    await iterator.return?.();
  }
  if (!done) throw new ProbeFailure('the stream ended before the provider said it was complete');
  if (firstAt === undefined || text.length === 0) throw new ProbeFailure('the stream carried no text');
  const firstTokenLatencyMs = Math.round(firstAt - started);
  if (firstTokenLatencyMs > args.limits.maxFirstTokenMs) {
    throw new ProbeFailure(
      `the first token took ${firstTokenLatencyMs} ms (the limit is ${args.limits.maxFirstTokenMs} ms)`,
    );
  }
  const outputTokens = usage?.outputTokens ?? tokens;
  const afterFirstMs = (lastAt ?? firstAt) - firstAt;
  return {
    health: 'healthy',
    firstTokenLatencyMs,
    ...(outputTokens >= 2 && afterFirstMs > 0
      ? { outputTokensPerSecond: ((outputTokens - 1) * 1000) / afterFirstMs }
      : {}),
  };
}

async function complete(
  handler: SyncTaskHandlerV1,
  args: ChatProbeArgs,
  input: Record<string, unknown>,
): Promise<unknown> {
  const context = contextOf(args);
  const response = await callUpstream(
    args.targets.call(args.plugin, handler.mapRequest({ input, context }), signalFor(args)),
  );
  return handler.mapResponse({ input, context, response }).output;
}

function firstMessage(output: unknown): Record<string, unknown> | undefined {
  if (!isRecord(output) || !Array.isArray(output.choices)) return undefined;
  const [choice] = output.choices;
  return isRecord(choice) && isRecord(choice.message) ? choice.message : undefined;
}

async function toolProbe(handler: SyncTaskHandlerV1, args: ChatProbeArgs): Promise<boolean> {
  const output = await complete(handler, args, {
    model: args.entry.hfModelId,
    messages: [{ role: 'user', content: 'What is the weather in Paris right now? Use the tool.' }],
    tools: [PROBE_TOOL],
    tool_choice: 'required',
    max_tokens: 64,
    stream: false,
  });
  const calls = firstMessage(output)?.tool_calls;
  if (!Array.isArray(calls)) return false;
  const [call] = calls;
  if (!isRecord(call) || !isRecord(call.function) || call.function.name !== PROBE_TOOL_NAME) return false;
  return isRecord(parseJson(call.function.arguments));
}

async function structuredOutputProbe(handler: SyncTaskHandlerV1, args: ChatProbeArgs): Promise<boolean> {
  const output = await complete(handler, args, {
    model: args.entry.hfModelId,
    messages: [{ role: 'user', content: 'Answer in JSON: what is the capital of France?' }],
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'probe_answer', schema: PROBE_SCHEMA, strict: true },
    },
    max_tokens: 64,
    stream: false,
  });
  const answer = parseJson(firstMessage(output)?.content);
  return isRecord(answer) && typeof answer.answer === 'string';
}
