/** What running a simulated fal model on one input comes to: the model's output, or the error fal answers with. */
import type { SimulatorMediaStore } from '../../simulator/media-store.js';
import type { SimulatedErrorResponse } from '../provider-profile.js';

export interface FalRunOutput {
  readonly ok: true;
  /** The model's output, as the result URL (or the synchronous API) answers it. */
  readonly body: Readonly<Record<string, unknown>>;
  /** What fal bills, in the model's unit, as the `x-fal-billable-units` header carries it. */
  readonly billableUnits: string;
  /** Seconds the runner spent (`metrics.inference_time`). */
  readonly inferenceSeconds: number;
  /** The runner's log lines, shown by the status URL when asked (`logs=1`). */
  readonly logs: readonly string[];
}

export interface FalRunError {
  readonly ok: false;
  readonly error: SimulatedErrorResponse;
}

export type FalRunOutcome = FalRunOutput | FalRunError;

/** Everything a simulated model needs besides its input. */
export interface FalRunContext {
  readonly media: SimulatorMediaStore;
  /** The simulator's origin, to read inputs that point at its own media store. */
  readonly origin: string;
  /** The same seed (model and input) gives the same files. */
  readonly seed: string;
}

/**
 * The seed an answer reports when the input fixed none: derived from the request, so it repeats with it.
 *
 * @example
 * falSeedFrom('fal-ai/flux/dev {"prompt":"a cat"}'); // the same 32-bit number every time
 */
export function falSeedFrom(material: string): number {
  let hash = 0;
  for (const character of material) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return hash;
}
