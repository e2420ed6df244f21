/**
 * hf-inference, Hugging Face's serverless inference behind router.huggingface.co/hf-inference: every model
 * under `/models/<hub id>` (pipelines with JSON or raw-file bodies, images back as raw PNG bytes, per-model
 * OpenAI chat and completions on TGI), the compute-time headers it is billed by, `{"error": ...}` bodies, and
 * the cold-model 503.
 */
import { HF_INFERENCE_CATALOG } from './hf-inference/hf-inference-catalog.js';
import { hfInferenceErrors } from './hf-inference/hf-inference-errors.js';
import { hfInferenceTaskRoutes } from './hf-inference/hf-inference-task-routes.js';
import { tgiFingerprint } from './hf-inference/serve-model-chat.js';
import { openAIModelList } from './openai-model-list.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { ProviderProfile } from './provider-profile.js';
import { randomHex } from './random-ids.js';

export const hfInferenceProfile: ProviderProfile = createOpenAIStyleProfile({
  id: 'hf-inference',
  displayName: 'HF Inference',
  // Chat lives under each model's own path (a task route), so there is no single chat or models route.
  routes: {},
  models: HF_INFERENCE_CATALOG.map((model) => ({
    id: model.id,
    ownedBy: model.id.split('/')[0]!,
    contextLength: model.contextLength ?? 0,
  })),
  errors: hfInferenceErrors,
  taskRoutes: hfInferenceTaskRoutes(() => hfInferenceProfile),
  // TGI leaves completion ids empty and stamps its version as the fingerprint.
  newCompletionId: () => '',
  newToolCallId: () => randomHex(8),
  decorateCompletion: (completion) => ({
    ...completion,
    system_fingerprint: tgiFingerprint(String(completion.model)),
  }),
  decorateChunk: (chunk) => ({ ...chunk, system_fingerprint: tgiFingerprint(String(chunk.model)) }),
  modelList: (models) => openAIModelList(models, {}),
});
