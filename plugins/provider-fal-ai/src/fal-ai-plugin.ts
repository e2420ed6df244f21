/** The fal provider manifest: image and video generation on fal's queue, speech on its synchronous API, and fal's own API passed through. */
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { falAiModels } from './fal-ai-models.js';
import { falAiRates } from './fal-ai-rates.js';
import { falAiTasks } from './fal-ai-tasks.js';
import { createFalNativeRoutes } from './native/fal-native-routes.js';

export const falAiPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'fal-ai',
  displayName: 'fal',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    // fal's own clients read FAL_KEY; FAL_API_KEY is the name other SDKs (Vercel's AI SDK) look for first.
    apiKeyEnvVars: ['FAL_KEY', 'FAL_API_KEY'],
    apiKeyRequired: true,
    // fal serves two hosts: the synchronous API on `fal.run` and the queue on `queue.fal.run`. The base URL is
    // the apex; queued calls add `_subdomain=queue`, Hugging Face's router convention, which the host turns into
    // the queue host here and leaves as a parameter on a router's or simulator's base URL, where both are served
    // under one prefix. Status and result URLs come back from fal as absolute URLs and are followed as given.
    baseUrl: 'https://fal.run',
    auth: { kind: 'header', header: 'Authorization', prefix: 'Key ' },
    keyUrl: 'https://fal.ai/dashboard/keys',
  },
  tasks: falAiTasks,
  models: falAiModels,
  rates: { kind: 'static', table: falAiRates },
  // Every charge is fal's own count of billable units (or its published rule for them) times its price.
  billing: 'integrated',
  // fal's own queue and synchronous API at `/fal-ai/...`, as Hugging Face's router passes them through.
  nativeRoutes: createFalNativeRoutes(falAiRates),
});
