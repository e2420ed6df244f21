/** Hugging Face models OVHcloud AI Endpoints serve for chat and completion, with OVH's model names. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

/** OVH names models its own way: mostly the Hub name without the organisation, with `Meta-Llama-3_3-...` odd. */
export const ovhcloudModels: readonly ModelMappingV1[] = [
  {
    hfModelId: 'openai/gpt-oss-120b',
    providerModelId: 'gpt-oss-120b',
    task: 'conversational',
    status: 'live',
    metadata: { supportsTools: true, supportsStructuredOutput: true },
  },
  {
    hfModelId: 'openai/gpt-oss-20b',
    providerModelId: 'gpt-oss-20b',
    task: 'conversational',
    status: 'live',
    metadata: { supportsStructuredOutput: true },
  },
  {
    hfModelId: 'Qwen/Qwen3.6-27B',
    providerModelId: 'Qwen3.6-27B',
    task: 'conversational',
    status: 'live',
    metadata: { inputModalities: ['text', 'image'] },
  },
  {
    hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
    providerModelId: 'Meta-Llama-3_3-70B-Instruct',
    task: 'conversational',
    status: 'live',
    metadata: { supportsTools: true },
  },
  {
    hfModelId: 'Qwen/Qwen3-32B',
    providerModelId: 'Qwen3-32B',
    task: 'conversational',
    status: 'live',
    metadata: { supportsTools: true },
  },
  {
    hfModelId: 'mistralai/Mistral-Small-3.2-24B-Instruct-2506',
    providerModelId: 'Mistral-Small-3.2-24B-Instruct-2506',
    task: 'conversational',
    status: 'live',
    metadata: { supportsTools: true },
  },
  {
    hfModelId: 'meta-llama/Llama-3.1-8B-Instruct',
    providerModelId: 'Llama-3.1-8B-Instruct',
    task: 'conversational',
    status: 'live',
  },
  // Raw prompt completion on the unified endpoint's `/v1/completions`, with the chat models' names.
  ...(
    [
      ['meta-llama/Llama-3.3-70B-Instruct', 'Meta-Llama-3_3-70B-Instruct'],
      ['mistralai/Mistral-Small-3.2-24B-Instruct-2506', 'Mistral-Small-3.2-24B-Instruct-2506'],
      ['meta-llama/Llama-3.1-8B-Instruct', 'Llama-3.1-8B-Instruct'],
    ] as const
  ).map(
    ([hfModelId, providerModelId]): ModelMappingV1 => ({
      hfModelId,
      providerModelId,
      task: 'text-generation',
      status: 'live',
    }),
  ),
];
