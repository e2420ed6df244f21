/** The `loras` field WaveSpeed takes when a Hub model is a LoRA adapter served on a WaveSpeed base model. */
import type { CallContextV1, ModelMappingV1 } from '@tollgate/provider-spec';

/**
 * For a mapping with `adapter: 'lora'`, `{ loras: [{ path: <Hub id>, scale: 1 }] }`: WaveSpeed fetches the adapter
 * from the Hub by repository id (Hugging Face's client sends exactly this, at full strength); `{}` otherwise.
 *
 * @example
 * wavespeedLoras(models, { hfModelId: 'openfree/flux-chatgpt-ghibli-lora', providerModelId: 'wavespeed-ai/flux-dev-lora', ... });
 * // { loras: [{ path: 'openfree/flux-chatgpt-ghibli-lora', scale: 1 }] }
 */
export function wavespeedLoras(
  models: readonly ModelMappingV1[],
  context: CallContextV1,
): { readonly loras?: readonly { readonly path: string; readonly scale: number }[] } {
  const mapping = models.find(
    (candidate) =>
      candidate.hfModelId === context.hfModelId && candidate.providerModelId === context.providerModelId,
  );
  return mapping?.adapter === 'lora' ? { loras: [{ path: mapping.hfModelId, scale: 1 }] } : {};
}
