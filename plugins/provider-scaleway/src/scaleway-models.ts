/** Hugging Face models Scaleway's Generative APIs serve, per task, with Scaleway's lower-case model ids. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

const mapping = (
  hfModelId: string,
  providerModelId: string,
  task: ModelMappingV1['task'],
): ModelMappingV1 => ({
  hfModelId,
  providerModelId,
  task,
  status: 'live',
});

export const scalewayModels: readonly ModelMappingV1[] = [
  {
    hfModelId: 'openai/gpt-oss-120b',
    providerModelId: 'gpt-oss-120b',
    task: 'conversational',
    status: 'live',
    metadata: { supportsTools: true, supportsStructuredOutput: true },
  },
  {
    hfModelId: 'Qwen/Qwen3.6-35B-A3B',
    providerModelId: 'qwen3.6-35b-a3b',
    task: 'conversational',
    status: 'live',
    metadata: { inputModalities: ['text', 'image'] },
  },
  {
    hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
    providerModelId: 'llama-3.3-70b-instruct',
    task: 'conversational',
    status: 'live',
    metadata: { supportsTools: true },
  },
  {
    hfModelId: 'google/gemma-3-27b-it',
    providerModelId: 'gemma-3-27b-it',
    task: 'conversational',
    status: 'live',
    metadata: { inputModalities: ['text', 'image'] },
  },
  {
    hfModelId: 'mistralai/Mistral-Small-3.2-24B-Instruct-2506',
    providerModelId: 'mistral-small-3.2-24b-instruct-2506',
    task: 'conversational',
    status: 'live',
    metadata: { supportsTools: true, inputModalities: ['text', 'image'] },
  },
  {
    hfModelId: 'Qwen/Qwen3-235B-A22B-Instruct-2507',
    providerModelId: 'qwen3-235b-a22b-instruct-2507',
    task: 'conversational',
    status: 'live',
    metadata: { supportsTools: true },
  },
  // Raw prompt completion on `/v1/completions`, with the chat models' ids.
  mapping('meta-llama/Llama-3.3-70B-Instruct', 'llama-3.3-70b-instruct', 'text-generation'),
  mapping(
    'mistralai/Mistral-Small-3.2-24B-Instruct-2506',
    'mistral-small-3.2-24b-instruct-2506',
    'text-generation',
  ),
  // Embeddings on `/v1/embeddings`.
  mapping('BAAI/bge-multilingual-gemma2', 'bge-multilingual-gemma2', 'feature-extraction'),
  mapping('Qwen/Qwen3-Embedding-8B', 'qwen3-embedding-8b', 'feature-extraction'),
];
