/** Together's `text-to-video`: a job queued at `POST /v2/videos`, polled at `GET /v2/videos/{id}`. */
import type {
  QueuedTaskHandlerV1,
  TextToVideoInputV1,
  VideoGenerationOutputV1,
} from '@tollgate/provider-spec';
import { mapTogetherVideoBody } from './map-together-video-request.js';
import {
  readTogetherVideoJob,
  TOGETHER_VIDEO_POLL_MS,
  togetherVideoJobId,
} from './read-together-video-job.js';

/**
 * A queued handler; the host polls. The submit answer is already a job, so a job that finished at once (or
 * failed at once) needs no poll.
 *
 * @example
 * tasks: { ...createOpenAICompatibleTasks({ providerId: 'together' }), 'text-to-video': createTogetherTextToVideoHandler() }
 */
export function createTogetherTextToVideoHandler(): QueuedTaskHandlerV1<
  TextToVideoInputV1,
  VideoGenerationOutputV1
> {
  return {
    kind: 'queued',
    start: {
      mapRequest: ({ input, context }) => ({
        method: 'POST',
        path: '/v2/videos',
        body: { kind: 'json', value: mapTogetherVideoBody(input, context) },
        expect: 'json',
      }),
      mapResponse: ({ response }) => {
        const id = togetherVideoJobId(response.body);
        const status = readTogetherVideoJob({ status: 'queued', ...(response.body as object) });
        if (status.state === 'completed') return { result: status.result };
        return { operation: { id, state: {}, pollAfterMs: TOGETHER_VIDEO_POLL_MS } };
      },
    },
    status: {
      mapRequest: ({ operation }) => ({
        method: 'GET',
        path: `/v2/videos/${encodeURIComponent(operation.id)}`,
        body: { kind: 'none' },
        expect: 'json',
      }),
      mapResponse: ({ response }) => readTogetherVideoJob(response.body),
    },
  };
}
