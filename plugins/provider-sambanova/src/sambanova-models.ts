/** Hugging Face models SambaNova Cloud serves for chat and embeddings, with SambaNova's model ids. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

const chat = (
  hfModelId: string,
  providerModelId: string,
  status: ModelMappingV1['status'],
  contextLength: number,
): ModelMappingV1 => ({
  hfModelId,
  providerModelId,
  task: 'conversational',
  status,
  metadata: { contextLength, supportsTools: true },
});

/**
 * SambaNova's ids drop the Hub organisation (`Meta-Llama-3.3-70B-Instruct`). Hugging Face dropped SambaNova from
 * its router in July 2026; SambaNova Cloud still serves these. SambaNova calls DeepSeek-V3.2 and MiniMax-M3
 * "preview" models (limited capacity, may be withdrawn at short notice), so they are mapped as `staging`.
 * MiniMax-M2.7 is still in SambaNova's model docs but no longer on its price list; gemma-4-31B-it is priced
 * but its Hub id could not be confirmed; neither is mapped.
 */
export const sambanovaModels: readonly ModelMappingV1[] = [
  chat('meta-llama/Llama-3.3-70B-Instruct', 'Meta-Llama-3.3-70B-Instruct', 'live', 131_072),
  chat('openai/gpt-oss-120b', 'gpt-oss-120b', 'live', 131_072),
  chat('deepseek-ai/DeepSeek-V3.1', 'DeepSeek-V3.1', 'live', 131_072),
  chat('deepseek-ai/DeepSeek-V3.2', 'DeepSeek-V3.2', 'staging', 32_768),
  chat('MiniMaxAI/MiniMax-M3', 'MiniMax-M3', 'staging', 1_048_576),
  // SambaNova's one embedding model, on its OpenAI-style `/v1/embeddings`.
  {
    hfModelId: 'intfloat/e5-mistral-7b-instruct',
    providerModelId: 'E5-Mistral-7B-Instruct',
    task: 'feature-extraction',
    status: 'live',
    metadata: { contextLength: 4096 },
  },
];
