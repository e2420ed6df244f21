/**
 * A {@link ProviderProfile} for a provider that serves no chat (fal-ai, replicate, wavespeed): it states its
 * task routes, auth scheme, models and error bodies, and nothing about chat completions.
 */
import { openAIModelList } from './openai-model-list.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { ProviderProfile } from './provider-profile.js';
import { randomHex } from './random-ids.js';

/** What a task-only profile states; `routes` defaults to none (no chat, no models list). */
export interface TaskProfileOptions
  extends Pick<ProviderProfile, 'id' | 'displayName' | 'models' | 'errors'>,
    Partial<Pick<ProviderProfile, 'routes' | 'auth' | 'taskRoutes' | 'requestIdHeader' | 'newRequestId'>> {}

/**
 * The profile. Its chat members (completion ids, chunk decoration, usage) are OpenAI's, as
 * `createOpenAIStyleProfile` has them; they only apply if `routes.chatCompletions` is set, which a task-only
 * provider leaves out.
 *
 * @example
 * export const exampleProfile = createTaskProfile({
 *   id: 'example-media',
 *   displayName: 'Example Media',
 *   auth: { header: 'authorization', prefix: 'Key ' },
 *   models: [{ id: 'example/flux', ownedBy: 'example', contextLength: 0 }],
 *   errors: exampleErrors,
 *   taskRoutes: [{ method: 'POST', path: '/example/*', serve: serveImage }],
 * });
 */
export function createTaskProfile(options: TaskProfileOptions): ProviderProfile {
  return createOpenAIStyleProfile({
    routes: {},
    newToolCallId: () => `call_${randomHex(24)}`,
    modelList: (models) => openAIModelList(models, {}),
    ...options,
  });
}
