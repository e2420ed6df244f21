/** The hf-inference provider manifest: Hugging Face's own serverless pipelines, billed by compute time. */
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { hfInferenceModels } from './hf-inference-models.js';
import { hfInferenceRates } from './hf-inference-rates.js';
import { hfInferenceTasks } from './hf-inference-tasks.js';
import { hfInferenceNativeRoutes } from './native/hf-inference-native-routes.js';

export const hfInferencePlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'hf-inference',
  displayName: 'HF Inference',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    // hf-inference has no key of its own: it is reached through Hugging Face's router with an hf_ token.
    apiKeyEnvVars: ['HF_INFERENCE_API_KEY', 'HF_TOKEN'],
    apiKeyRequired: true,
    baseUrl: 'https://router.huggingface.co/hf-inference',
    auth: { kind: 'bearer' },
    keyUrl:
      'https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained',
  },
  tasks: hfInferenceTasks,
  // `/hf-inference/models/...` as Hugging Face's clients call it, billed by the same compute time.
  nativeRoutes: hfInferenceNativeRoutes,
  models: hfInferenceModels,
  rates: { kind: 'static', table: hfInferenceRates },
  // The usage is the compute time the provider reports, priced at Hugging Face's published rate.
  billing: 'integrated',
});
