/** LoRA adapters: Replicate runs a base LoRA model and loads the adapter's weights from the Hub by URL. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

/**
 * The `lora_weights` input for a Hub model mapped as a LoRA adapter, `https://huggingface.co/{hfId}` (the
 * form Hugging Face's clients send Replicate); undefined for a model that is not an adapter.
 *
 * @example
 * loraWeightsFor(models, 'alvdansen/flux-koda'); // 'https://huggingface.co/alvdansen/flux-koda' when mapped with adapter 'lora'
 */
export function loraWeightsFor(models: readonly ModelMappingV1[], hfModelId: string): string | undefined {
  const mapping = models.find(
    (candidate) => candidate.hfModelId === hfModelId && candidate.adapter === 'lora',
  );
  return mapping === undefined ? undefined : `https://huggingface.co/${hfModelId}`;
}
