/**
 * The unified task API, routed by the kernel: OpenAI's embeddings, images, transcriptions and speech, and every
 * other task at `/v1/tasks/{task}`.
 */
import type { FastifyPluginAsync } from 'fastify';
import { installRefusedTaskRequestRecording } from '../task-api/record-refused-task-requests.js';
import { audioSpeechRoute } from './audio-speech-route.js';
import { audioTranscriptionsRoute } from './audio-transcriptions-route.js';
import { embeddingsRoute } from './embeddings-route.js';
import { imageGenerationsRoute } from './image-generations-route.js';
import type { TaskRouteOptions } from './task-route-options.js';
import { tasksRoute } from './tasks-route.js';

/**
 * @example app.register(taskApiRoutes, { kernel });
 */
export const taskApiRoutes: FastifyPluginAsync<TaskRouteOptions> = async (app, { kernel }) => {
  installRefusedTaskRequestRecording(app, kernel);
  await app.register(embeddingsRoute, { kernel });
  await app.register(imageGenerationsRoute, { kernel });
  await app.register(audioTranscriptionsRoute, { kernel });
  await app.register(audioSpeechRoute, { kernel });
  await app.register(tasksRoute, { kernel });
};
