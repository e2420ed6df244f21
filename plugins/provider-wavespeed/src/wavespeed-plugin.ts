/** The WaveSpeed provider manifest: image and video generation on WaveSpeed's queued prediction API. */
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { createWavespeedTasks } from './create-wavespeed-tasks.js';
import { wavespeedNativeRoutes } from './native/wavespeed-native-routes.js';
import { wavespeedModels } from './wavespeed-models.js';
import { wavespeedRates } from './wavespeed-rates.js';

export const wavespeedPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'wavespeed',
  displayName: 'WaveSpeed',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['WAVESPEED_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.wavespeed.ai',
    auth: { kind: 'bearer' },
    keyUrl: 'https://wavespeed.ai/accesskey',
  },
  tasks: createWavespeedTasks({ rates: wavespeedRates, models: wavespeedModels }),
  nativeRoutes: wavespeedNativeRoutes,
  models: wavespeedModels,
  rates: { kind: 'static', table: wavespeedRates },
  billing: 'integrated',
});
