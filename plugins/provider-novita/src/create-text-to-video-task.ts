/** Novita's text-to-video: submit to `/v3/async/{model}`, then poll `/v3/async/task-result` for the video. */
import {
  type QueuedStatusV1,
  type QueuedTaskHandlerV1,
  type TextToVideoInputV1,
  UpstreamOutputError,
  type VideoGenerationOutputV1,
} from '@tollgate/provider-spec';
import { textToVideoBody } from './map-text-to-video-body.js';
import { novitaTaskId, parseNovitaTaskResult } from './novita-task-result.js';

/** Hugging Face's client waits 500 ms before each look at a Novita task; Novita documents no interval. */
export const POLL_AFTER_MS = 500;

const SUCCEEDED = 'TASK_STATUS_SUCCEED';
// Novita documents QUEUED, PROCESSING, SUCCEED and FAILED; clients also meet CANCELED, which ends a task as well.
const ENDED_WITHOUT_RESULT = new Set(['TASK_STATUS_FAILED', 'TASK_STATUS_CANCELED']);

/** `video_type` is the container's extension (`mp4`); Novita states no MIME type. */
function contentTypeOf(videoType: string | undefined): string | undefined {
  return videoType === undefined ? undefined : `video/${videoType.toLowerCase()}`;
}

/**
 * @example
 * defineProviderPlugin({ ..., tasks: { 'text-to-video': createTextToVideoTask() } });
 */
export function createTextToVideoTask(): QueuedTaskHandlerV1<TextToVideoInputV1, VideoGenerationOutputV1> {
  return {
    kind: 'queued',
    start: {
      mapRequest: ({ input, context }) => ({
        method: 'POST',
        path: `/v3/async/${context.providerModelId}`,
        body: { kind: 'json', value: textToVideoBody(input) },
        expect: 'json',
      }),
      // The submit answers only `{task_id}`; the task is never finished at this point.
      mapResponse: ({ response }) => {
        const taskId = novitaTaskId(response.body);
        return { operation: { id: taskId, state: {}, pollAfterMs: POLL_AFTER_MS } };
      },
    },
    status: {
      mapRequest: ({ operation }) => ({
        method: 'GET',
        path: '/v3/async/task-result',
        query: { task_id: operation.id },
        body: { kind: 'none' },
        expect: 'json',
      }),
      mapResponse: ({ response, operation, context }): QueuedStatusV1<VideoGenerationOutputV1> => {
        const result = parseNovitaTaskResult(response.body);
        if (ENDED_WITHOUT_RESULT.has(result.status)) {
          return {
            state: 'failed',
            message: result.reason ?? `task ${operation.id} ended with ${result.status}`,
          };
        }
        if (result.status !== SUCCEEDED) return { state: 'pending', pollAfterMs: POLL_AFTER_MS };
        const [video] = result.videos;
        if (video === undefined) {
          throw new UpstreamOutputError({
            message: `novita finished task ${operation.id} without a video URL`,
            providerId: context.providerId,
          });
        }
        const contentType = contentTypeOf(video.type);
        return {
          state: 'completed',
          result: {
            output: {
              video:
                contentType === undefined
                  ? { kind: 'url', url: video.url }
                  : { kind: 'url', url: video.url, contentType },
            },
            // Novita bills a video per clip: one request, which the rate card prices per request.
            usage: { requests: 1 },
          },
        };
      },
    },
  };
}
