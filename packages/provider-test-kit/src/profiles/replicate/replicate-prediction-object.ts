/** Builds the prediction object Replicate answers with, from the simulator's record and job. */
import type { SimulatedJob } from '../../simulator/job-book.js';
import type { PredictionRecord } from './replicate-prediction-book.js';

/** A finished prediction's output, and the metric image models report with it. */
export interface PredictionResult {
  readonly output: unknown;
  readonly imageCount?: number;
  readonly logs: string;
}

const iso = (epochMs: number | undefined) =>
  epochMs === undefined ? undefined : new Date(epochMs).toISOString();
const seconds = (ms: number) => Math.round(ms) / 1000;

/** The Replicate status of a simulated job: queued is `starting`, running is `processing`. */
export function predictionStatus(record: PredictionRecord, job: SimulatedJob<PredictionResult>): string {
  if (record.canceledAt !== undefined) return 'canceled';
  if (job.state === 'queued') return 'starting';
  if (job.state === 'running') return 'processing';
  return job.state;
}

/**
 * The prediction as `GET /v1/predictions/{id}` shows it now. Official models show `version: "hidden"`;
 * `output` is null and `metrics` absent until the prediction has finished.
 *
 * @example
 * predictionObject(record, jobs.get(record.id)!, 'http://127.0.0.1:4010/replicate');
 * // { id, model: 'black-forest-labs/flux-schnell', version: 'hidden', status: 'processing', output: null, urls: {...}, ... }
 */
export function predictionObject(
  record: PredictionRecord,
  job: SimulatedJob<PredictionResult>,
  baseUrl: string,
): Record<string, unknown> {
  const status = predictionStatus(record, job);
  const succeeded = status === 'succeeded';
  const completedAt = record.canceledAt ?? job.completedAt;
  const ranMs =
    job.startedAt === undefined || completedAt === undefined ? undefined : completedAt - job.startedAt;
  return {
    id: record.id,
    model: record.model.name,
    version: record.model.version ?? 'hidden',
    input: record.input,
    logs: succeeded ? job.result?.logs : status === 'failed' ? `${job.error}\n` : '',
    output: succeeded ? job.result?.output : null,
    data_removed: false,
    error: status === 'failed' ? job.error : null,
    source: 'api',
    status,
    created_at: iso(job.createdAt),
    ...(job.startedAt === undefined ? {} : { started_at: iso(job.startedAt) }),
    ...(completedAt === undefined ? {} : { completed_at: iso(completedAt) }),
    urls: {
      cancel: `${baseUrl}/v1/predictions/${record.id}/cancel`,
      get: `${baseUrl}/v1/predictions/${record.id}`,
      web: `https://replicate.com/p/${record.id}`,
    },
    ...(ranMs === undefined || status === 'canceled'
      ? {}
      : {
          metrics: {
            ...(succeeded && job.result?.imageCount !== undefined
              ? { image_count: job.result.imageCount }
              : {}),
            predict_time: seconds(ranMs),
            total_time: seconds(completedAt! - job.createdAt),
          },
        }),
  };
}
