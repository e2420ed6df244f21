/**
 * `POST /v1/images/generations`: OpenAI's image API on the `text-to-image` task of whichever provider the router
 * picks (queued providers are polled by the kernel), with each image as a URL or as base64, as the client asks.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ImageGenerationOutputV1, TextToImageInputV1 } from '@tollgate/provider-spec';
import { UpstreamOutputError } from '@tollgate/provider-spec';
import { clientAbortSignal } from '../http/client-abort-signal.js';
import { definedFields } from '../task-api/defined-fields.js';
import { executeRoutedTask } from '../task-api/execute-routed-task.js';
import { inferenceCallers } from '../task-api/inference-callers.js';
import { kernelMediaFetcher } from '../task-api/kernel-media-fetcher.js';
import { type MediaContext, mediaAsBase64, mediaAsUrl } from '../task-api/media-for-client.js';
import { parseImageSize } from '../task-api/parse-image-size.js';
import {
  type ImageGenerationRequest,
  ImageGenerationRequestSchema,
  ImageGenerationResponseSchema,
} from './image-generations-schema.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';
import type { TaskRouteOptions } from './task-route-options.js';

function taskInput(body: ImageGenerationRequest): TextToImageInputV1 {
  const size = parseImageSize(body.size);
  const parameters = definedFields({
    width: size?.width,
    height: size?.height,
    num_images: body.n,
    negative_prompt: body.negative_prompt,
    seed: body.seed,
    num_inference_steps: body.num_inference_steps,
    guidance_scale: body.guidance_scale,
  });
  return { inputs: body.prompt, ...(Object.keys(parameters).length > 0 ? { parameters } : {}) };
}

/**
 * @example app.register(imageGenerationsRoute, { kernel });
 */
export const imageGenerationsRoute: FastifyPluginAsyncTypebox<TaskRouteOptions> = async (app, { kernel }) => {
  const principals = inferenceCallers(kernel);
  const fetchMedia = kernelMediaFetcher(kernel);

  app.post(
    '/v1/images/generations',
    {
      schema: {
        summary: 'Create images',
        description:
          'OpenAI-compatible, on the `text-to-image` task; `model` may carry a routing suffix such as `:fal-ai` ' +
          'or `:cheapest`. With `response_format: "url"` an image the provider returned as bytes comes back as a ' +
          '`data:` URL; with `"b64_json"` an image the provider returned as a URL is fetched by the gateway.',
        tags: ['inference'],
        security: [{ bearerAuth: [] }],
        body: ImageGenerationRequestSchema,
        response: { 200: ImageGenerationResponseSchema, '4xx': OpenAiErrorSchema, '5xx': OpenAiErrorSchema },
      },
      // Authenticate first, so that an anonymous client cannot make the gateway read a large body.
      onRequest: principals.onRequest,
    },
    async (request, reply) => {
      const body = request.body;
      const input = taskInput(body);
      const signal = clientAbortSignal(reply.raw);
      const { output, route } = await executeRoutedTask({
        kernel,
        request,
        reply,
        ...principals.of(request),
        task: 'text-to-image',
        clientParams: {
          inputs: 'prompt',
          'parameters.width': 'size',
          'parameters.height': 'size',
          'parameters.num_images': 'n',
        },
        model: body.model,
        input,
        signal,
      });
      const { images } = output as ImageGenerationOutputV1;
      if (!Array.isArray(images) || images.length === 0) {
        throw new UpstreamOutputError({
          message: `${route.providerId} returned no image`,
          providerId: route.providerId,
        });
      }
      const media: MediaContext = { fetchMedia, providerId: route.providerId, signal };
      const data = await Promise.all(
        images.map(async (image) =>
          body.response_format === 'b64_json'
            ? { b64_json: await mediaAsBase64(image, media) }
            : { url: mediaAsUrl(image, 'image/png') },
        ),
      );
      return { created: Math.floor(Date.now() / 1000), data };
    },
  );
};
