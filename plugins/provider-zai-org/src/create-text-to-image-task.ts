/** Z.ai's text-to-image: submit to `/async/images/generations`, then poll `/async-result/{id}` for the image. */
import {
  type ImageGenerationOutputV1,
  type MediaUrlV1,
  type QueuedStatusV1,
  type QueuedTaskHandlerV1,
  type TaskResultV1,
  type TextToImageInputV1,
  UpstreamApiError,
  UpstreamOutputError,
} from '@tollgate/provider-spec';
import { textToImageBody } from './map-text-to-image-body.js';
import { parseZaiAsyncResult, type ZaiAsyncResult } from './zai-async-result.js';

/** Hugging Face's client looks at a Z.ai image task every 2 s; Z.ai says an HD image takes about 20 s. */
export const POLL_AFTER_MS = 2_000;

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** Z.ai states no content type beside its image URLs; the file extension says what it wrote. */
function imageMedia(url: string): MediaUrlV1 {
  const extension = URL.canParse(url) ? /\.([a-z]+)$/i.exec(new URL(url).pathname)?.[1] : undefined;
  const contentType = extension === undefined ? undefined : IMAGE_TYPES[extension.toLowerCase()];
  return contentType === undefined ? { kind: 'url', url } : { kind: 'url', url, contentType };
}

function finished(result: ZaiAsyncResult, taskId: string): TaskResultV1<ImageGenerationOutputV1> {
  if (result.imageUrls.length === 0) {
    throw new UpstreamOutputError({
      message: `zai-org finished image task ${taskId} without an image URL`,
      providerId: 'zai-org',
    });
  }
  // Z.ai bills per image generated; every URL is one image.
  return { output: { images: result.imageUrls.map(imageMedia) }, usage: { images: result.imageUrls.length } };
}

function failureMessage(result: ZaiAsyncResult, taskId: string): string {
  return result.errorMessage ?? `image task ${taskId} ended with task_status FAIL`;
}

/**
 * @example
 * defineProviderPlugin({ ..., tasks: { 'text-to-image': createTextToImageTask() } });
 */
export function createTextToImageTask(): QueuedTaskHandlerV1<TextToImageInputV1, ImageGenerationOutputV1> {
  return {
    kind: 'queued',
    start: {
      mapRequest: ({ input, context }) => ({
        method: 'POST',
        path: '/api/paas/v4/async/images/generations',
        body: { kind: 'json', value: textToImageBody(input, context.providerModelId) },
        expect: 'json',
      }),
      mapResponse: ({ response, context }) => {
        const result = parseZaiAsyncResult(response.body);
        if (result.id === undefined) {
          throw new UpstreamOutputError({
            message: `zai-org accepted the image task without an id: ${JSON.stringify(response.body)?.slice(0, 200)}`,
            providerId: context.providerId,
          });
        }
        if (result.taskStatus === 'SUCCESS') return { result: finished(result, result.id) };
        if (result.taskStatus === 'FAIL') {
          throw new UpstreamApiError({
            message: `zai-org image task failed: ${failureMessage(result, result.id)}`,
            providerId: context.providerId,
            upstreamBody: response.body,
            isRetryable: false,
          });
        }
        return { operation: { id: result.id, state: {}, pollAfterMs: POLL_AFTER_MS } };
      },
    },
    status: {
      mapRequest: ({ operation }) => ({
        method: 'GET',
        path: `/api/paas/v4/async-result/${encodeURIComponent(operation.id)}`,
        body: { kind: 'none' },
        expect: 'json',
      }),
      mapResponse: ({ response, operation }): QueuedStatusV1<ImageGenerationOutputV1> => {
        const result = parseZaiAsyncResult(response.body);
        if (result.taskStatus === 'SUCCESS')
          return { state: 'completed', result: finished(result, operation.id) };
        if (result.taskStatus === 'FAIL')
          return { state: 'failed', message: failureMessage(result, operation.id) };
        return { state: 'pending', pollAfterMs: POLL_AFTER_MS };
      },
    },
  };
}
