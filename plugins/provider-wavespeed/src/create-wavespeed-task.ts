/** One queued handler shape for every WaveSpeed task: submit to `/api/v3/{model}`, then poll the result route. */
import {
  type CallContextV1,
  type ModelMappingV1,
  type QueuedTaskHandlerV1,
  type RateTableV1,
  type TaskResultV1,
  UpstreamApiError,
  type UpstreamRequestV1,
} from '@tollgate/provider-spec';
import { wavespeedLoras } from './wavespeed-loras.js';
import {
  parseWavespeedPrediction,
  predictionFailureMessage,
  type WavespeedPrediction,
} from './wavespeed-prediction.js';
import { wavespeedResultPath } from './wavespeed-result-path.js';
import { type WavespeedOutputFacts, wavespeedUsage } from './wavespeed-usage.js';

/** WaveSpeed's own examples and Hugging Face's client poll the result every 500 ms. */
export const POLL_AFTER_MS = 500;

export interface WavespeedTaskOptions<Input, Output> {
  /** The model's request body for this call (without `loras`, which the mapping decides). */
  readonly buildBody: (input: Input) => Record<string, unknown>;
  /** The public output of a completed prediction, and the facts its metering needs. */
  readonly readOutput: (
    prediction: WavespeedPrediction,
    input: Input,
  ) => { readonly output: Output } & WavespeedOutputFacts;
  /** The plugin's rate table, which decides the unit each model is metered in. */
  readonly rates: RateTableV1;
  /** The plugin's model mappings, to know which Hub models are LoRA adapters. */
  readonly models: readonly ModelMappingV1[];
}

function isFinished(status: string): boolean {
  return status === 'completed' || status === 'failed';
}

/**
 * Build a task handler on WaveSpeed's prediction API. `start` submits the prediction and returns it as an
 * operation to poll, or the result at once when WaveSpeed answered with it completed (sync mode, or a model that
 * finished inside the request). `status` polls the path of `data.urls.get` until `completed` or `failed`; a
 * failed prediction carries WaveSpeed's `error` text to the caller.
 *
 * @example
 * const textToImage = createWavespeedTask({ rates, models, buildBody: textToImageBody,
 *   readOutput: (prediction) => ({ output: { images: prediction.outputs.map(outputMedia) }, images: prediction.outputs.length }) });
 */
export function createWavespeedTask<Input, Output>(
  options: WavespeedTaskOptions<Input, Output>,
): QueuedTaskHandlerV1<Input, Output> {
  const finish = (
    prediction: WavespeedPrediction,
    input: Input,
    context: CallContextV1,
  ): TaskResultV1<Output> => {
    const { output, ...facts } = options.readOutput(prediction, input);
    const card = options.rates.models[context.providerModelId] ?? options.rates.fallback;
    return { output, usage: wavespeedUsage(card, facts) };
  };

  return {
    kind: 'queued',
    start: {
      mapRequest: ({ input, context }): UpstreamRequestV1 => ({
        method: 'POST',
        // Model ids are paths themselves (`wavespeed-ai/wan-2.1/t2v-480p`), so they are not escaped.
        path: `/api/v3/${context.providerModelId}`,
        body: {
          kind: 'json',
          value: { ...options.buildBody(input), ...wavespeedLoras(options.models, context) },
        },
        expect: 'json',
      }),
      mapResponse: ({ input, response, context }) => {
        const prediction = parseWavespeedPrediction(response.body);
        if (prediction.status === 'completed') return { result: finish(prediction, input, context) };
        if (prediction.status === 'failed') {
          throw new UpstreamApiError({
            message: `wavespeed prediction failed: ${predictionFailureMessage(prediction)}`,
            providerId: context.providerId,
            upstreamBody: response.body,
            isRetryable: false,
          });
        }
        return {
          operation: {
            id: prediction.id,
            state: { resultPath: wavespeedResultPath(prediction.getUrl, prediction.id) },
            pollAfterMs: POLL_AFTER_MS,
          },
        };
      },
    },
    status: {
      mapRequest: ({ operation }): UpstreamRequestV1 => {
        const saved = operation.state.resultPath;
        return {
          method: 'GET',
          path: typeof saved === 'string' ? saved : wavespeedResultPath(undefined, operation.id),
          body: { kind: 'none' },
          expect: 'json',
        };
      },
      mapResponse: ({ input, response, context }) => {
        const prediction = parseWavespeedPrediction(response.body);
        if (prediction.status === 'completed') {
          return { state: 'completed', result: finish(prediction, input, context) };
        }
        if (isFinished(prediction.status))
          return { state: 'failed', message: predictionFailureMessage(prediction) };
        return { state: 'pending', pollAfterMs: POLL_AFTER_MS };
      },
    },
  };
}
