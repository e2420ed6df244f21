/** What a fal task handler is made of: the model's arguments, and how to read its result. */
import type { CallContextV1, RateTableV1, TaskResultV1, UpstreamResponseV1 } from '@tollgate/provider-spec';
import { falUsage } from './fal-usage.js';

export interface FalResultReading<Output> {
  readonly output: Output;
  /**
   * What fal bills for this result by its own published rule, in thousandths of the model's billing unit,
   * when the result shows it (image sizes, requested frames); used when the billable-units header is absent.
   */
  readonly billedThousandths?: number;
}

export interface FalTaskOptions<Input, Output> {
  /** The plugin's rate table, which names the unit each model is metered in. */
  readonly rates: RateTableV1;
  /** The model's JSON arguments for this call. */
  readonly buildArguments: (input: Input, context: CallContextV1) => Record<string, unknown>;
  /** The public output of a finished call; throws an `UpstreamOutputError` for a body that is not one. */
  readonly readResult: (body: unknown, input: Input, context: CallContextV1) => FalResultReading<Output>;
}

/**
 * The task result of a finished fal call: the output, metered by fal's billable units or the result's facts.
 *
 * @example
 * falTaskResult(options, { status: 200, headers: { 'x-fal-billable-units': '1' }, body }, input, context);
 * // { output: { images: [...] }, usage: { milliMegapixels: 1000 } }
 */
export function falTaskResult<Input, Output>(
  options: FalTaskOptions<Input, Output>,
  response: UpstreamResponseV1,
  input: Input,
  context: CallContextV1,
): TaskResultV1<Output> {
  const { output, billedThousandths } = options.readResult(response.body, input, context);
  const card = options.rates.models[context.providerModelId] ?? options.rates.fallback;
  return { output, usage: falUsage(card, response.headers, billedThousandths) };
}
