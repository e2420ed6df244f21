/**
 * fal's model APIs (no chat, no models list): the queue (submit, status with IN_QUEUE, IN_PROGRESS and COMPLETED
 * and their `logs`, result, cancel) and the synchronous API, both under the provider prefix the way Hugging Face's
 * router serves them (`?_subdomain=queue` selects the queue), `Authorization: Key <key>`, FastAPI `{detail}` error
 * bodies, `x-fal-billable-units` on every result, and output files (PNG, MP4, WAV) served from the media store.
 */
import { FAL_SIMULATED_MODELS } from './fal-ai/fal-catalog.js';
import { FAL_ERRORS } from './fal-ai/fal-errors.js';
import { FAL_TASK_ROUTES } from './fal-ai/fal-queue-routes.js';
import { createTaskProfile } from './task-profile.js';

export const falAiProfile = createTaskProfile({
  id: 'fal-ai',
  displayName: 'fal',
  auth: { header: 'authorization', prefix: 'Key ' },
  models: FAL_SIMULATED_MODELS,
  errors: FAL_ERRORS,
  taskRoutes: FAL_TASK_ROUTES,
  requestIdHeader: 'x-fal-request-id',
});
