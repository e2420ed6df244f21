/** Hugging Face models Novita serves, with Novita's model ids (lower-case `org/name` for chat, route names for video). */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

/**
 * Novita's ids are lower-case `org/name` paths (`meta-llama/llama-3.3-70b-instruct`). Hugging Face's provider
 * page also maps `zai-org/GLM-4.7` (`zai-org/glm-4.7`), `zai-org/GLM-4.6V-Flash` (`zai-org/glm-4.6v`),
 * `deepseek-ai/DeepSeek-V3-0324` (`deepseek/deepseek-v3-0324`) and `meta-llama/Llama-4-Scout-17B-16E-Instruct`
 * (`meta-llama/llama-4-scout-17b-16e-instruct`) to Novita, but their Novita prices could not be confirmed on
 * 2026-11-23, so they are left unmapped rather than priced by guess.
 */
export const novitaModels: readonly ModelMappingV1[] = [
  {
    hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
    providerModelId: 'meta-llama/llama-3.3-70b-instruct',
    task: 'conversational',
    status: 'live',
    metadata: { contextLength: 131_072, supportsTools: true },
  },
  // The mapping Hugging Face's Novita page shows for text-to-video; `wan-t2v` is also the route's name.
  {
    hfModelId: 'Wan-AI/Wan2.1-T2V-14B',
    providerModelId: 'wan-t2v',
    task: 'text-to-video',
    status: 'live',
  },
];
