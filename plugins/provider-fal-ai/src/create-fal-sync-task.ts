/** One synchronous handler shape for fal tasks served on `fal.run`: one call, the model's output in the answer. */
import type { SyncTaskHandlerV1 } from '@tollgate/provider-spec';
import { type FalTaskOptions, falTaskResult } from './fal-task-options.js';

/**
 * Build a task handler on fal's synchronous API: `POST /{model}` on the base URL (`https://fal.run`, or a
 * router's or simulator's prefix), answered with the model's output. Hugging Face's clients call speech
 * recognition and text-to-speech this way; both finish in seconds.
 *
 * @example
 * const speech = createFalSyncTask({ rates, buildArguments: (input) => ({ prompt: input.inputs }), readResult: readSpeechResult });
 */
export function createFalSyncTask<Input, Output>(
  options: FalTaskOptions<Input, Output>,
): SyncTaskHandlerV1<Input, Output> {
  return {
    kind: 'sync',
    mapRequest: ({ input, context }) => ({
      method: 'POST',
      path: `/${context.providerModelId.replace(/^\/+/, '')}`,
      body: { kind: 'json', value: options.buildArguments(input, context) },
      expect: 'json',
    }),
    mapResponse: ({ input, response, context }) => falTaskResult(options, response, input, context),
  };
}
