/** Together's video tasks: a job queued at `POST /v2/videos`, polled at `GET /v2/videos/{id}`. */
import type {
  CallContextV1,
  ImageToVideoInputV1,
  QueuedTaskHandlerV1,
  TextToVideoInputV1,
  VideoGenerationOutputV1,
} from '@tollgate/provider-spec';
import { mapTogetherImageToVideoBody, mapTogetherVideoBody } from './map-together-video-request.js';
import {
  readTogetherVideoJob,
  TOGETHER_VIDEO_POLL_MS,
  togetherVideoJobId,
} from './read-together-video-job.js';

function createTogetherVideoHandler<Input>(
  mapBody: (input: Input, context: CallContextV1) => Record<string, unknown>,
): QueuedTaskHandlerV1<Input, VideoGenerationOutputV1> {
  return {
    kind: 'queued',
    start: {
      mapRequest: ({ input, context }) => ({
        method: 'POST',
        path: '/v2/videos',
        body: { kind: 'json', value: mapBody(input, context) },
        expect: 'json',
      }),
      // The submit answer is already a job; one that finished at once needs no poll.
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

/**
 * A queued handler; the host polls.
 *
 * @example
 * tasks: { ...createOpenAICompatibleTasks({ providerId: 'together' }), 'text-to-video': createTogetherTextToVideoHandler() }
 */
export function createTogetherTextToVideoHandler(): QueuedTaskHandlerV1<
  TextToVideoInputV1,
  VideoGenerationOutputV1
> {
  return createTogetherVideoHandler(mapTogetherVideoBody);
}

/**
 * The same job API with the image as the first keyframe.
 *
 * @example
 * tasks: { ..., 'image-to-video': createTogetherImageToVideoHandler() }
 */
export function createTogetherImageToVideoHandler(): QueuedTaskHandlerV1<
  ImageToVideoInputV1,
  VideoGenerationOutputV1
> {
  return createTogetherVideoHandler(mapTogetherImageToVideoBody);
}
