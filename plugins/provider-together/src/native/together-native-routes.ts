/**
 * Together's own image and video APIs at `/together/...`, as Hugging Face's router serves them:
 * `POST /v1/images/generations` (billed by the megapixels of the images it returns) and the video job API,
 * `POST /v2/videos` then `GET /v2/videos/{id}` (billed once, at the cost Together states for the finished job).
 * The model is named in the body. Chat, completions and embeddings come from `createOpenAICompatibleNativeRoutes`.
 */
import { imageUsage, modelFieldOf } from '@tollgate/openai-compatible';
import { InputError, type NativeRequestV1, type NativeRouteV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { readTogetherVideoJob, togetherVideoJobId } from '../read-together-video-job.js';
import { TOGETHER_IMAGE_METER } from '../together-image-meter.js';
import { togetherModels } from '../together-models.js';

const VIDEO_TASKS = new Set(['text-to-video', 'image-to-video']);

/** A positive whole number of pixels from the body, or undefined (Together then makes its default size). */
function pixels(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function bodyField(request: NativeRequestV1, name: string): unknown {
  const { body } = request;
  return body.kind === 'json' && body.value != null && typeof body.value === 'object'
    ? (body.value as Record<string, unknown>)[name]
    : undefined;
}

const images: NativeRouteV1 = {
  method: 'POST',
  path: '/v1/images/generations',
  task: 'text-to-image',
  role: 'start',
  modelOf: modelFieldOf,
  mapRequest: ({ request }) => forwardNativeRequest(request),
  meterResponse: ({ request, response }) => {
    const data = (response.body as { data?: unknown } | null)?.data;
    const returned = Array.isArray(data) ? data.length : 0;
    if (returned === 0) return {};
    // Every image is made at the size asked for (`width`/`height`), so the megapixels are exactly known.
    const width = pixels(bodyField(request, 'width'));
    const height = pixels(bodyField(request, 'height'));
    return {
      usage: imageUsage(TOGETHER_IMAGE_METER, returned, {
        ...(width !== undefined ? { width } : {}),
        ...(height !== undefined ? { height } : {}),
      }),
    };
  },
};

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
export const togetherNativeRoutes: readonly NativeRouteV1[] = [images, submitVideo, videoJob];
