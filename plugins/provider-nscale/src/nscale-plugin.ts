/** The Nscale provider manifest: OpenAI-style chat and image generation, routed and native, billed on estimated prices. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { dropStreamOptionsWithoutStream } from './drop-stream-options-without-stream.js';
import { nscaleModels } from './nscale-models.js';
import { nscaleRates } from './nscale-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const nscaleTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'nscale',
  transformRequestBody: dropStreamOptionsWithoutStream,
  textToImage: {
    // Nscale answers only in base64 (no URL output), takes OpenAI's `size: "WxH"`, and has no field for steps,
    // guidance or a negative prompt.
    responseFormat: 'b64_json',
    meter: { kind: 'megapixels', defaultSize: { width: 1024, height: 1024 } },
  },
};

export const nscalePlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'nscale',
  displayName: 'Nscale',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    // Nscale calls its keys "service tokens"; tools use either name.
    apiKeyEnvVars: ['NSCALE_API_KEY', 'NSCALE_SERVICE_TOKEN'],
    apiKeyRequired: true,
    baseUrl: 'https://inference.api.nscale.com',
    auth: { kind: 'bearer' },
    keyUrl: 'https://console.nscale.com',
  },
  tasks: createOpenAICompatibleTasks(nscaleTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(nscaleTasksConfig),
  models: nscaleModels,
  rates: { kind: 'static', table: nscaleRates },
  // The rate cards are estimates, not Nscale's confirmed prices (see nscale-rates.ts).
  billing: 'estimated',
});
