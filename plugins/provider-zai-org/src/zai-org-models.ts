/** Hugging Face models Z.ai serves, with Z.ai's (lower-case `glm-...`) model ids. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

const glm = (hfModelId: string, providerModelId: string): ModelMappingV1 => ({
  hfModelId,
  providerModelId,
  task: 'conversational',
  status: 'live',
  metadata: { supportsTools: true },
});

/**
 * Z.ai's GLM models on its pay-as-you-go API. Hugging Face's Z.ai page also maps `zai-org/GLM-4.6V-Flash`
 * (`glm-4.6v-flash`), but its price could not be confirmed on 2026-11-23, so it is left unmapped.
 */
export const zaiOrgModels: readonly ModelMappingV1[] = [
  glm('zai-org/GLM-5.3', 'glm-5.3'),
  glm('zai-org/GLM-5.2', 'glm-5.2'),
  glm('zai-org/GLM-5.1', 'glm-5.1'),
  glm('zai-org/GLM-4.7', 'glm-4.7'),
  glm('zai-org/GLM-4.7-Flash', 'glm-4.7-flash'),
  // GLM-Image is the one model Z.ai's async image route takes. Hugging Face's Z.ai page lists chat only, so this
  // mapping follows the model's name rather than a published Hub mapping.
  { hfModelId: 'zai-org/GLM-Image', providerModelId: 'glm-image', task: 'text-to-image', status: 'live' },
];
