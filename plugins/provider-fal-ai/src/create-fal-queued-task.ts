/** One queued handler shape for every fal queue task: submit, poll the status URL, then fetch the result. */
import type { QueuedTaskHandlerV1 } from '@tollgate/provider-spec';
import { buildFalPollRequest } from './build-fal-poll-request.js';
import { buildFalQueueSubmission } from './build-fal-queue-submission.js';
import { falQueueState } from './fal-queue-operation.js';
import { type FalTaskOptions, falTaskResult } from './fal-task-options.js';
import { readFalQueueStatus } from './read-fal-queue-status.js';
import { readFalQueueSubmission } from './read-fal-queue-submission.js';

/**
 * Build a task handler on fal's queue API. `start` submits to `/{model}?_subdomain=queue`; `status` polls the
 * status URL fal returned until it says COMPLETED, then moves the operation to the response URL and fetches the
 * result there (fal serves the two at different URLs; the status answer carries no output). A request that ends
 * with an error becomes the failed state; an error status from the result URL reaches the host as fal's own
 * error. Should the submission come back with the model's output itself (a host that ran it synchronously), that
 * output is the result at once.
 *
 * @example
 * const textToImage = createFalQueuedTask({ rates, buildArguments: (input) => ({ prompt: input.inputs }), readResult: readImageResult });
 */
export function createFalQueuedTask<Input, Output>(
  options: FalTaskOptions<Input, Output>,
): QueuedTaskHandlerV1<Input, Output> {
  return {
    kind: 'queued',
    start: {
      mapRequest: ({ input, context }) =>
        buildFalQueueSubmission(context.providerModelId, options.buildArguments(input, context)),
      mapResponse: ({ input, response, context }) => {
        const operation = readFalQueueSubmission(response.body, context.providerId);
        if (operation !== undefined) return { operation };
        return { result: falTaskResult(options, response, input, context) };
      },
    },
    status: {
      mapRequest: ({ operation }) => buildFalPollRequest(operation),
      mapResponse: ({ input, response, context, operation }) => {
        if (falQueueState(operation).phase === 'result') {
          return { state: 'completed', result: falTaskResult(options, response, input, context) };
        }
        const progress = readFalQueueStatus(response.body, operation, context.providerId);
        if (progress.state === 'ready') {
          return { state: 'pending', pollAfterMs: 0, operation: progress.operation };
        }
        return progress;
      },
    },
  };
}
