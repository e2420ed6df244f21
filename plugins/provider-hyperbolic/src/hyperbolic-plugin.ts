/** The Hyperbolic provider manifest: OpenAI-style chat (metered from its running stream usage) and its own image API. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { createHyperbolicTextToImageHandler } from './create-hyperbolic-text-to-image-handler.js';
import { hyperbolicModels } from './hyperbolic-models.js';
import { hyperbolicRates } from './hyperbolic-rates.js';
import { hyperbolicNativeRoutes } from './native/hyperbolic-native-routes.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const hyperbolicTasksConfig: OpenAICompatibleTasksConfig = { providerId: 'hyperbolic' };

export const hyperbolicPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'hyperbolic',
  displayName: 'Hyperbolic',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['HYPERBOLIC_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.hyperbolic.xyz',
    auth: { kind: 'bearer' },
    keyUrl: 'https://app.hyperbolic.xyz/settings',
  },
  // Hyperbolic puts a running `usage` on every stream chunk. The shared handler already meters the last one
  // (the host keeps the last usage it sees) and strips it from chunks a client did not ask usage for.
  tasks: {
    ...createOpenAICompatibleTasks(hyperbolicTasksConfig),
    'text-to-image': createHyperbolicTextToImageHandler(),
  },
  // Chat on the shared OpenAI route; Hyperbolic's own image API (OpenAI's path, its own body) beside it.
  nativeRoutes: [...createOpenAICompatibleNativeRoutes(hyperbolicTasksConfig), ...hyperbolicNativeRoutes],
  models: hyperbolicModels,
  rates: { kind: 'static', table: hyperbolicRates },
  billing: 'integrated',
});
