/** One queued handler shape for every Replicate task: create with `Prefer: wait`, then poll `urls.get` if needed. */
import {
  type CallContextV1,
  type QueuedTaskHandlerV1,
  type RateTableV1,
  type TaskResultV1,
  UpstreamApiError,
} from '@tollgate/provider-spec';
import { buildPollRequest } from './build-poll-request.js';
import { buildPredictionRequest } from './build-prediction-request.js';
import { type PredictionOutputFacts, predictionUsage } from './prediction-usage.js';
import {
  isFinished,
  parsePrediction,
  predictionFailureMessage,
  type ReplicatePrediction,
} from './replicate-prediction.js';

/** Replicate's own clients poll about once a second; a prediction that outlived the wait rarely ends sooner. */
export const POLL_AFTER_MS = 1_000;

export interface PredictionTaskOptions<Input, Output> {
  /** The model's `input` object for this call. */
  readonly buildInput: (input: Input, context: CallContextV1) => Record<string, unknown>;
  /** The public output of a succeeded prediction, and the facts its metering needs. */
  readonly readOutput: (
    prediction: ReplicatePrediction,
    input: Input,
  ) => { readonly output: Output } & PredictionOutputFacts;
  /** The plugin's rate table, which decides the unit each model is metered in. */
  readonly rates: RateTableV1;
}

/**
 * Build a task handler on Replicate's predictions API. `start` creates the prediction and, when Replicate
 * answers with it finished inside the wait, returns the result at once; otherwise it returns the prediction as an
 * operation that `status` polls. A prediction that fails or is canceled becomes a non-retryable upstream error.
 *
 * @example
 * const textToSpeech = createPredictionTask({ rates, buildInput: (input) => ({ text: input.inputs }),
 *   readOutput: (prediction) => ({ output: { audio: firstOutputMedia(prediction.output, 'text-to-speech') } }) });
 */
export function createPredictionTask<Input, Output>(
  options: PredictionTaskOptions<Input, Output>,
): QueuedTaskHandlerV1<Input, Output> {
  const finish = (
    prediction: ReplicatePrediction,
    input: Input,
    context: CallContextV1,
  ): TaskResultV1<Output> => {
    const { output, ...facts } = options.readOutput(prediction, input);
    const card = options.rates.models[context.providerModelId] ?? options.rates.fallback;
    return { output, usage: predictionUsage(card, prediction, facts) };
  };

  return {
    kind: 'queued',
    start: {
      mapRequest: ({ input, context }) =>
        buildPredictionRequest(context.providerModelId, options.buildInput(input, context)),
      mapResponse: ({ input, response, context }) => {
        const prediction = parsePrediction(response.body);
        if (prediction.status === 'succeeded') return { result: finish(prediction, input, context) };
        if (isFinished(prediction.status)) {
          // Prefer: wait can hand back a prediction that already failed (bad input the model itself rejected).
          throw new UpstreamApiError({
            message: `replicate prediction failed: ${predictionFailureMessage(prediction)}`,
            providerId: context.providerId,
            upstreamBody: response.body,
            isRetryable: false,
          });
        }
        return {
          operation: {
            id: prediction.id,
            state: { getUrl: prediction.urls.get ?? '', cancelUrl: prediction.urls.cancel ?? '' },
            pollAfterMs: POLL_AFTER_MS,
          },
        };
      },
    },
    status: {
      mapRequest: ({ operation }) => buildPollRequest(operation),
      mapResponse: ({ input, response, context }) => {
        const prediction = parsePrediction(response.body);
        if (prediction.status === 'succeeded') {
          return { state: 'completed', result: finish(prediction, input, context) };
        }
        if (isFinished(prediction.status))
          return { state: 'failed', message: predictionFailureMessage(prediction) };
        return { state: 'pending', pollAfterMs: POLL_AFTER_MS };
      },
    },
  };
}
