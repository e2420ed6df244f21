/** Hugging Face models Featherless AI serves for chat and completion; Featherless uses the Hub repository id. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

/** A few of the many Hub models Featherless serves; an operator maps more in configuration. */
export const featherlessAiModels: readonly ModelMappingV1[] = [
  {
    hfModelId: 'mistralai/Devstral-Small-2507',
    providerModelId: 'mistralai/Devstral-Small-2507',
    task: 'conversational',
    status: 'live',
  },
  {
    hfModelId: 'google/gemma-3-27b-it',
    providerModelId: 'google/gemma-3-27b-it',
    task: 'conversational',
    status: 'live',
  },
  {
    hfModelId: 'google/medgemma-4b-it',
    providerModelId: 'google/medgemma-4b-it',
    task: 'conversational',
    status: 'live',
    metadata: { inputModalities: ['text', 'image'] },
  },
  {
    hfModelId: 'Qwen/Qwen3-32B',
    providerModelId: 'Qwen/Qwen3-32B',
    task: 'conversational',
    status: 'live',
    metadata: { supportsTools: true },
  },
  // Raw prompt completion on `/v1/completions`.
  ...['Qwen/Qwen3-32B', 'google/gemma-3-27b-it', 'mistralai/Devstral-Small-2507'].map(
    (id): ModelMappingV1 => ({ hfModelId: id, providerModelId: id, task: 'text-generation', status: 'live' }),
  ),
];
