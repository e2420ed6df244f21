/** The shape every hf-inference pipeline task shares: one POST to the model's route, usage from the headers. */
import type {
  CallContextV1,
  SyncTaskHandlerV1,
  UpstreamBodyV1,
  UpstreamResponseV1,
} from '@tollgate/provider-spec';
import { modelRoute } from './model-route.js';
import { readComputeUsage } from './read-compute-usage.js';

export interface PipelineHandlerConfig<Input, Output> {
  /** Appended to `/models/<hf id>`, e.g. `/pipeline/feature-extraction`; default none. */
  readonly route?: string;
  /** The upstream body for a checked input; throws `InputError` for a malformed one. */
  readonly body: (input: Input, context: CallContextV1) => UpstreamBodyV1;
  /** How to read the answer; default `json`. */
  readonly expect?: 'json' | 'bytes';
  /** The public output from the upstream answer; throws `UpstreamOutputError` for an unusable one. */
  readonly output: (body: unknown, response: UpstreamResponseV1, input: Input) => Output;
}

/**
 * A sync handler that posts to the model's hf-inference route and meters the compute time the answer reports.
 *
 * @example
 * const fillMask = createPipelineHandler<FillMaskInputV1, FillMaskOutputV1>({
 *   body: (input) => ({ kind: 'json', value: { inputs: input.inputs } }),
 *   output: (body) => parseFillMask(body),
 * });
 */
export function createPipelineHandler<Input, Output>(
  config: PipelineHandlerConfig<Input, Output>,
): SyncTaskHandlerV1<Input, Output> {
  return {
    kind: 'sync',
    mapRequest: ({ input, context }) => ({
      method: 'POST',
      path: modelRoute(context.providerModelId, config.route),
      body: config.body(input, context),
      expect: config.expect ?? 'json',
    }),
    mapResponse: ({ input, response }) => ({
      output: config.output(response.body, response, input),
      usage: readComputeUsage(response.headers),
    }),
  };
}
