/** Replicate's prediction object, read leniently from a create or get answer. */
import { UpstreamOutputError } from '@tollgate/provider-spec';

/** `starting` (booting or queued), `processing` (running), then one of the three final states. */
export type ReplicatePredictionStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';

const STATUSES: readonly string[] = ['starting', 'processing', 'succeeded', 'failed', 'canceled'];

export interface ReplicatePrediction {
  readonly id: string;
  readonly status: ReplicatePredictionStatus;
  readonly model?: string;
  readonly version?: string;
  /** Whatever the model returns: a URL, a list of URLs, a string or an object (whisper). Null until it succeeds. */
  readonly output?: unknown;
  /** Why the prediction failed, as Replicate words it. */
  readonly error?: unknown;
  readonly logs?: string;
  /** Seconds the model ran, the unit Replicate bills time-priced models by; present once the run finished. */
  readonly predictTimeSeconds?: number;
  readonly urls: { readonly get?: string; readonly cancel?: string; readonly stream?: string };
}

/** True for the states after which Replicate no longer changes a prediction. */
export function isFinished(status: ReplicatePredictionStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'canceled';
}

const stringOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Read a prediction from a response body. Only `id` and a known `status` are required; every other field is
 * optional, because Replicate adds fields over time and omits `metrics` until a run has finished.
 * Throws `UpstreamOutputError` for a body that is not a prediction.
 *
 * @example
 * parsePrediction({ id: 'x1', status: 'succeeded', output: ['https://replicate.delivery/a.png'], metrics: { predict_time: 1.2 }, urls: {} });
 * // { id: 'x1', status: 'succeeded', output: [...], predictTimeSeconds: 1.2, urls: {} }
 */
export function parsePrediction(body: unknown): ReplicatePrediction {
  const record = body != null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  const id = record?.id;
  const status = record?.status;
  if (typeof id !== 'string' || id === '' || typeof status !== 'string' || !STATUSES.includes(status)) {
    throw new UpstreamOutputError({
      message: `replicate answered with something that is not a prediction: ${JSON.stringify(body)?.slice(0, 200)}`,
      providerId: 'replicate',
    });
  }
  const metrics = record?.metrics as Record<string, unknown> | undefined;
  const predictTime = metrics?.predict_time;
  const urls = (record?.urls ?? {}) as Record<string, unknown>;
  return {
    id,
    status: status as ReplicatePredictionStatus,
    model: stringOrUndefined(record?.model),
    version: stringOrUndefined(record?.version),
    output: record?.output ?? undefined,
    error: record?.error ?? undefined,
    logs: stringOrUndefined(record?.logs),
    predictTimeSeconds:
      typeof predictTime === 'number' && Number.isFinite(predictTime) && predictTime >= 0
        ? predictTime
        : undefined,
    urls: {
      get: stringOrUndefined(urls.get),
      cancel: stringOrUndefined(urls.cancel),
      stream: stringOrUndefined(urls.stream),
    },
  };
}

/** The failure text of a failed or canceled prediction. */
export function predictionFailureMessage(prediction: ReplicatePrediction): string {
  if (prediction.status === 'canceled') return `prediction ${prediction.id} was canceled`;
  const error = prediction.error;
  if (typeof error === 'string' && error.trim() !== '') return error.trim();
  if (error != null && typeof error === 'object') return JSON.stringify(error);
  return `prediction ${prediction.id} failed without an error message`;
}
