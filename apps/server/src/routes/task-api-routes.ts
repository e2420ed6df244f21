/** The unified OpenAI-compatible task API: embeddings, images, transcriptions and speech, routed by the kernel. */
import type { FastifyPluginAsync } from 'fastify';
import { audioSpeechRoute } from './audio-speech-route.js';
import { audioTranscriptionsRoute } from './audio-transcriptions-route.js';
import { embeddingsRoute } from './embeddings-route.js';
import { imageGenerationsRoute } from './image-generations-route.js';
import type { TaskRouteOptions } from './task-route-options.js';

/**
 * @example app.register(taskApiRoutes, { kernel });
 */
export const taskApiRoutes: FastifyPluginAsync<TaskRouteOptions> = async (app, { kernel }) => {
  await app.register(embeddingsRoute, { kernel });
  await app.register(imageGenerationsRoute, { kernel });
  await app.register(audioTranscriptionsRoute, { kernel });
  await app.register(audioSpeechRoute, { kernel });
};
