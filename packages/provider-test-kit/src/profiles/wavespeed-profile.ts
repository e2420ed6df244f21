/**
 * WaveSpeed's prediction API: `POST /api/v3/{model id}` (ids such as `wavespeed-ai/wan-2.1/t2v-480p`) submits a
 * prediction and `GET /api/v3/predictions/{id}/result` (or `/api/v3/predictions/{id}`) reads it, both answering `{code, message, data}` with
 * `data` the prediction (`id`, `model`, `outputs`, `urls.get`, `has_nsfw_contents`, `status` created, processing,
 * completed or failed, `created_at`, `error`, `executionTime`, `timings.inference`). Bearer key, no chat.
 *
 * Read from WaveSpeed's API docs: the routes, the envelope and prediction fields, the states, 32-hex prediction
 * ids, `urls.get`, per-model inputs (see the catalog), `enable_sync_mode` (answer once finished) and
 * `enable_base64_output` (outputs as bare base64). Modelled: error wording, the failure text, outputs as PNG
 * (WaveSpeed defaults to JPEG) and the output files being served from the simulator's media store.
 */
import { createTaskProfile } from './task-profile.js';
import { WAVESPEED_SIMULATED_MODELS } from './wavespeed/wavespeed-catalog.js';
import { WAVESPEED_ERRORS } from './wavespeed/wavespeed-envelope.js';
import { WAVESPEED_TASK_ROUTES } from './wavespeed/wavespeed-prediction-routes.js';

export const wavespeedProfile = createTaskProfile({
  id: 'wavespeed',
  displayName: 'WaveSpeed',
  models: WAVESPEED_SIMULATED_MODELS,
  errors: WAVESPEED_ERRORS,
  taskRoutes: WAVESPEED_TASK_ROUTES,
});
