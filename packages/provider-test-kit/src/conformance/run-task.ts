/**
 * The kit's small host: runs one task of a plugin against a base URL the way the gateway's executor does
 * (map the request, call the provider, map the answer; for queued tasks submit, then poll), without routing,
 * credits or streaming.
 */
import { setTimeout as delay } from 'node:timers/promises';
import {
  type CallContextV1,
  type ProviderPluginV1,
  type QueuedTaskHandlerV1,
  type TaskResultV1,
  UpstreamApiError,
  type UpstreamRequestV1,
} from '@tollgate/provider-spec';
import { callUpstream, type UpstreamTarget, type UrlPolicy } from '@tollgate/provider-utils';

export interface RunTaskOptions {
  readonly plugin: ProviderPluginV1;
  readonly task: string;
  /** The task's public input. */
  readonly input: unknown;
  readonly providerModelId: string;
  /** The Hub id in the call context; default the plugin's mapping of `providerModelId` for the task. */
  readonly hfModelId?: string;
  /** Where the provider lives, e.g. `simulator.baseUrlFor('fal-ai')`. */
  readonly baseUrl: string;
  /** The provider key; empty or omitted to send none. */
  readonly apiKey?: string;
  /** The longest wait between polls of a queued task (the provider's `pollAfterMs` is honoured below it); default 20. */
  readonly pollIntervalMs?: number;
  /** Give up on a queued task after this long; default 10 000 ms. */
  readonly deadlineMs?: number;
  readonly signal?: AbortSignal;
  /** Which provider-returned absolute URLs may be fetched; default only the base URL's own origin. */
  readonly urlPolicy?: UrlPolicy;
}

export interface RunTaskResult<Output = unknown> extends TaskResultV1<Output> {
  /** How many status requests a queued task took (0 for sync tasks, or when the provider answered at once). */
  readonly polls: number;
  /** Every request the plugin mapped, in the order they were sent. */
  readonly requests: readonly UpstreamRequestV1[];
}

const DEFAULT_POLL_INTERVAL_MS = 20;
const DEFAULT_DEADLINE_MS = 10_000;

let callCounter = 0;

function callContext(options: RunTaskOptions): CallContextV1 {
  callCounter += 1;
  const mapping = options.plugin.models.find(
    (candidate) => candidate.task === options.task && candidate.providerModelId === options.providerModelId,
  );
  return {
    requestId: `run-task-${callCounter}`,
    providerId: options.plugin.id,
    hfModelId: options.hfModelId ?? mapping?.hfModelId ?? options.providerModelId,
    providerModelId: options.providerModelId,
  };
}

function abortedError(providerId: string): UpstreamApiError {
  return new UpstreamApiError({ message: 'The request was aborted.', providerId, reason: 'aborted' });
}

async function poll(
  handler: QueuedTaskHandlerV1,
  options: RunTaskOptions,
  context: CallContextV1,
  send: (request: UpstreamRequestV1) => ReturnType<typeof callUpstream>,
  requests: UpstreamRequestV1[],
): Promise<RunTaskResult> {
  const { input, plugin } = options;
  const maxWait = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const startRequest = handler.start.mapRequest({ input, context });
  requests.push(startRequest);
  const started = handler.start.mapResponse({ input, response: await send(startRequest), context });
  if ('result' in started) return { ...started.result, polls: 0, requests };
  let { operation } = started;
  let wait = Math.min(maxWait, operation.pollAfterMs ?? maxWait);
  for (let polls = 1; ; polls += 1) {
    if (Date.now() + wait > deadline) {
      throw new UpstreamApiError({
        message: `Provider '${plugin.id}' did not finish operation ${operation.id} before the deadline.`,
        providerId: plugin.id,
        reason: 'timeout',
      });
    }
    try {
      await delay(wait, undefined, options.signal ? { signal: options.signal } : {});
    } catch {
      throw abortedError(plugin.id);
    }
    const statusRequest = handler.status.mapRequest({ input, operation, context });
    requests.push(statusRequest);
    const response = await send(statusRequest);
    const status = handler.status.mapResponse({ input, operation, response, context });
    if (status.state === 'completed') return { ...status.result, polls, requests };
    if (status.state === 'failed') {
      throw new UpstreamApiError({
        message: `Provider '${plugin.id}' reported that operation ${operation.id} failed: ${status.message}`,
        providerId: plugin.id,
        isRetryable: false,
      });
    }
    // A provider that reports completion at one URL and serves the result at another names the next operation.
    if (status.operation !== undefined) operation = status.operation;
    wait = Math.min(maxWait, status.pollAfterMs ?? maxWait);
  }
}

/**
 * Runs `task` of `plugin` for `providerModelId` against `baseUrl`: sync handlers by `mapRequest` -> HTTP ->
 * `mapResponse` (JSON or bytes answers); queued handlers by `start`, then `status` polls until the operation
 * completes (its result) or fails (an `UpstreamApiError`), within `deadlineMs`. HTTP errors surface as the
 * provider-utils errors the gateway raises (`UpstreamApiError`, `UpstreamOutputError`).
 *
 * @example
 * const { output, usage } = await runTask({
 *   plugin: falAi,
 *   task: 'text-to-image',
 *   input: { inputs: 'A lighthouse at dawn' },
 *   providerModelId: 'fal-ai/flux/dev',
 *   baseUrl: simulator.baseUrlFor('fal-ai'),
 *   apiKey: simulator.apiKeyFor('fal-ai'),
 * });
 */
export async function runTask(options: RunTaskOptions): Promise<RunTaskResult> {
  const { plugin, task, input, signal } = options;
  const handler = plugin.tasks[task];
  if (!handler) throw new Error(`runTask: ${plugin.id} declares no task '${task}'`);
  const target: UpstreamTarget = {
    providerId: plugin.id,
    baseUrl: options.baseUrl,
    auth: plugin.settings.auth,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(plugin.settings.headers ? { headers: plugin.settings.headers } : {}),
  };
  const urlPolicy = options.urlPolicy ?? { allowedOrigins: [new URL(options.baseUrl).origin] };
  const send = (request: UpstreamRequestV1) => {
    if (request.expect === 'sse')
      throw new Error(`runTask does not stream; ${plugin.id}'s ${task} asked for an event stream`);
    return callUpstream({ target, request, urlPolicy, ...(signal ? { signal } : {}) });
  };
  const context = callContext(options);
  const requests: UpstreamRequestV1[] = [];
  if (handler.kind === 'queued') return poll(handler, options, context, send, requests);
  const request = handler.mapRequest({ input, context });
  requests.push(request);
  const response = await send(request);
  return { ...handler.mapResponse({ input, response, context }), polls: 0, requests };
}
