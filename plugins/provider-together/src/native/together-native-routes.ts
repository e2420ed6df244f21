/**
 * Together's own video job API at `/together/...`, as Hugging Face's router serves it: `POST /v2/videos` then
 * `GET /v2/videos/{id}`, billed once, at the cost Together states for the finished job. The model is named in the
 * body. Chat, completions, embeddings, images, speech and transcription come from
 * `createOpenAICompatibleNativeRoutes`.
 */
import { modelFieldOf } from '@tollgate/openai-compatible';
import { InputError, type NativeRouteV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { readTogetherVideoJob, togetherVideoJobId } from '../read-together-video-job.js';
import { togetherModels } from '../together-models.js';

const VIDEO_TASKS = new Set(['text-to-video', 'image-to-video']);

const submitVideo: NativeRouteV1 = {
  method: 'POST',
  path: '/v2/videos',
  // Text-to-video and image-to-video share the path: the task is the one the model is mapped for.
  role: 'start',
  modelOf: modelFieldOf,
  mapRequest: ({ request, context }) => {
    const isVideoModel = togetherModels.some(
      (entry) => entry.providerModelId === context.providerModelId && VIDEO_TASKS.has(entry.task),
    );
    if (!isVideoModel) {
      throw new InputError({
        message: `'${context.providerModelId}' is not a video model on Together.`,
        param: 'model',
      });
    }
    return forwardNativeRequest(request);
  },
  meterResponse: ({ response }) => {
    const id = togetherVideoJobId(response.body);
    const job = readTogetherVideoJob({ status: 'queued', ...(response.body as object) });
    // A job finished inside the submission is billed here and handed on as no operation, since the host would
    // bill its first completed poll again.
    if (job.state === 'completed') return { usage: job.result.usage };
    return job.state === 'failed' ? {} : { operationId: id };
  },
};

const videoJob: NativeRouteV1 = {
  method: 'GET',
  path: '/v2/videos/:id',
  role: 'follow-up',
  operationOf: (request) => request.params.id,
  mapRequest: ({ request }) => forwardNativeRequest(request),
  meterResponse: ({ response }) => {
    const job = readTogetherVideoJob(response.body);
    return job.state === 'completed' ? { usage: job.result.usage } : {};
  },
};

/**
 * @example
 * nativeRoutes: [...createOpenAICompatibleNativeRoutes(config), ...togetherNativeRoutes]
 */
export const togetherNativeRoutes: readonly NativeRouteV1[] = [submitVideo, videoJob];
