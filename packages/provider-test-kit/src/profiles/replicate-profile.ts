/**
 * Replicate's predictions API (no chat, no models list): predictions created on the official-model or the
 * versioned path, `Prefer: wait` holding the call until the prediction finishes or the wait ends, polling and
 * cancel, problem+json error bodies, and output files (PNG, MP4, WAV) served from the simulator's media store.
 */
import type { ProviderProfile } from './provider-profile.js';
import { replicateErrors } from './replicate/replicate-problem.js';
import { REPLICATE_SIMULATED_MODELS, replicateModelId } from './replicate/replicate-simulated-models.js';
import { type ReplicateRouteOptions, replicateTaskRoutes } from './replicate/replicate-task-routes.js';
import { createTaskProfile } from './task-profile.js';

/**
 * A Replicate profile; `options.maxWaitMs` caps how long `Prefer: wait` holds a call (tests lower it).
 *
 * @example
 * createProviderSimulator({ profiles: [createReplicateProfile({ maxWaitMs: 20 })], providers: ['replicate'] });
 */
export function createReplicateProfile(options: ReplicateRouteOptions = {}): ProviderProfile {
  return createTaskProfile({
    id: 'replicate',
    displayName: 'Replicate',
    models: REPLICATE_SIMULATED_MODELS.map((model) => ({
      id: replicateModelId(model),
      ownedBy: model.name.split('/')[0]!,
      contextLength: 0,
    })),
    errors: replicateErrors,
    taskRoutes: replicateTaskRoutes(options),
  });
}

/** The profile sandbox mode and tests use: waits as long as Replicate does. */
export const replicateProfile = createReplicateProfile();
