/** What a simulated pipeline hands back to the route: its answer, the compute it used, and its metrics headers. */
import type { SimulatedErrorResponse } from '../provider-profile.js';
import { hfError } from './hf-inference-errors.js';

export type PipelineAnswer =
  | {
      readonly kind: 'json';
      readonly body: unknown;
      /** Simulated compute time, which the route reports in `x-compute-time`. */
      readonly computeMs: number;
      /** The inference server's per-input metric header (`x-compute-characters`, `-images`, `-audio-length`). */
      readonly metrics: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'bytes';
      readonly bytes: Uint8Array;
      readonly contentType: string;
      readonly computeMs: number;
      readonly metrics: Readonly<Record<string, string>>;
    };

/** A pipeline's refusal of its input, answered as hf-inference's `{"error": ...}` with the status. */
export class PipelineError extends Error {
  readonly response: SimulatedErrorResponse;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'PipelineError';
    this.response = hfError(status, message);
  }
}
