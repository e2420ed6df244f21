/** Reads a Together video job (`/v2/videos` and `/v2/videos/{id}` answers) into a queued task status. */
import {
  type QueuedStatusV1,
  UpstreamOutputError,
  type UsageV1,
  type VideoGenerationOutputV1,
} from '@tollgate/provider-spec';
import { usdAmountToNanoUsd } from './usd-amount-to-nano-usd.js';

/** Together polls every 2 s in Hugging Face's client; Together documents no interval. */
export const TOGETHER_VIDEO_POLL_MS = 2000;

interface VideoJob {
  readonly id?: unknown;
  readonly status?: unknown;
  readonly seconds?: unknown;
  readonly error?: { readonly message?: unknown } | null;
  readonly outputs?: { readonly cost?: unknown; readonly video_url?: unknown } | null;
}

function fail(message: string): never {
  throw new UpstreamOutputError({ message: `together ${message}`, providerId: 'together' });
}

/**
 * The job's id; an answer without one is an `UpstreamOutputError`.
 *
 * @example
 * togetherVideoJobId({ id: 'a1b2', status: 'queued' }); // 'a1b2'
 */
export function togetherVideoJobId(body: unknown): string {
  const id = (body as VideoJob | null)?.id;
  return typeof id === 'string' && id !== '' ? id : fail('accepted a video job without an id');
}

function usageOf(job: VideoJob): UsageV1 {
  const seconds =
    typeof job.seconds === 'string' || typeof job.seconds === 'number' ? Number(job.seconds) : Number.NaN;
  const cost = usdAmountToNanoUsd(job.outputs?.cost);
  return {
    ...(Number.isFinite(seconds) && seconds >= 0 ? { videoMilliseconds: Math.round(seconds * 1000) } : {}),
    // Together states what it charged for the job (`outputs.cost`, USD); that is the cost billed.
    ...(cost !== undefined ? { reportedCostNanoUsd: cost } : {}),
  };
}

/**
 * `queued` and `in_progress` are pending, `failed` ends with Together's error message, `completed` carries the
 * video URL (left as a URL), the clip's duration and the cost Together charged. Any other status is an
 * `UpstreamOutputError`.
 *
 * @example
 * readTogetherVideoJob({ id: 'a1', status: 'completed', seconds: '5', outputs: { cost: 0.2, video_url: 'https://…/v.mp4' } });
 * // { state: 'completed', result: { output: { video: { kind: 'url', url: 'https://…/v.mp4' } }, usage: { videoMilliseconds: 5000, reportedCostNanoUsd: 200000000n } } }
 */
export function readTogetherVideoJob(body: unknown): QueuedStatusV1<VideoGenerationOutputV1> {
  const job = (body ?? {}) as VideoJob;
  switch (job.status) {
    case 'queued':
    case 'in_progress':
      return { state: 'pending', pollAfterMs: TOGETHER_VIDEO_POLL_MS };
    case 'failed': {
      const message = job.error?.message;
      return { state: 'failed', message: typeof message === 'string' ? message : 'the video job failed' };
    }
    case 'completed': {
      const url = job.outputs?.video_url;
      if (typeof url !== 'string' || url === '')
        return fail('completed a video job without outputs.video_url');
      return { state: 'completed', result: { output: { video: { kind: 'url', url } }, usage: usageOf(job) } };
    }
    default:
      return fail(`answered a video job with status ${JSON.stringify(job.status)}`);
  }
}
