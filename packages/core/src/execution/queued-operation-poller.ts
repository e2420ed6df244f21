/** Runs a queued task: submit, then poll with growing waits until done, failed, past the deadline or aborted. */
import {
  type CallContextV1,
  type QueuedTaskHandlerV1,
  type TaskResultV1,
  UpstreamApiError,
} from '@tollgate/provider-spec';
import { callUpstream, type UpstreamTarget } from '@tollgate/provider-utils';
import { sleep } from './sleep.js';
import type { UpstreamCallOptions } from './upstream-call-options.js';

export interface PollQueuedArgs {
  readonly handler: QueuedTaskHandlerV1;
  readonly input: unknown;
  readonly context: CallContextV1;
  readonly target: UpstreamTarget;
  readonly signal: AbortSignal;
  readonly options: UpstreamCallOptions;
}

export async function pollQueuedOperation({
  handler,
  input,
  context,
  target,
  signal,
  options,
}: PollQueuedArgs): Promise<TaskResultV1> {
  const transport = {
    target,
    signal,
    dispatcher: options.dispatcher,
    headersTimeoutMs: options.headersTimeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs,
    urlPolicy: options.urlPolicy,
  };
  const deadline = Date.now() + (options.queuedDeadlineMs ?? 10 * 60_000);
  const minWait = options.queuedPollMinMs ?? 250;
  const maxWait = options.queuedPollMaxMs ?? 5_000;

  const submitted = await callUpstream({
    ...transport,
    request: handler.start.mapRequest({ input, context }),
  });
  const started = handler.start.mapResponse({ input, response: submitted, context });
  if ('result' in started) return started.result;
  let { operation } = started;

  let wait = Math.max(minWait, operation.pollAfterMs ?? minWait);
  for (;;) {
    if (Date.now() + wait > deadline) {
      throw new UpstreamApiError({
        message: `Provider '${target.providerId}' did not finish operation ${operation.id} before the deadline.`,
        providerId: target.providerId,
        reason: 'timeout',
      });
    }
    await sleep(wait, signal).catch(() => {
      throw new UpstreamApiError({
        message: 'The request was aborted.',
        providerId: target.providerId,
        reason: 'aborted',
      });
    });
    const response = await callUpstream({
      ...transport,
      request: handler.status.mapRequest({ input, operation, context }),
    });
    const status = handler.status.mapResponse({ input, operation, response, context });
    if (status.state === 'completed') return status.result;
    if (status.state === 'failed') {
      throw new UpstreamApiError({
        message: `Provider '${target.providerId}' reported that operation ${operation.id} failed: ${status.message}`,
        providerId: target.providerId,
        isRetryable: false,
      });
    }
    // fal reports completion at its status URL but serves the result elsewhere: poll what the status names.
    if (status.operation) operation = status.operation;
    // Back off geometrically unless the provider says when to look again.
    wait = Math.min(maxWait, status.pollAfterMs ?? Math.ceil(wait * 1.5));
  }
}
