/** The `loras` argument fal's LoRA endpoints take, for a Hugging Face model mapped as a LoRA adapter. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

export interface FalLora {
  readonly path: string;
  readonly scale: number;
}

/**
 * `[{ path: 'https://huggingface.co/{hfModelId}/resolve/main/{adapterWeightsPath}', scale: 1 }]` for a mapping
 * with `adapter: 'lora'`, which is what Hugging Face's client sends fal; `undefined` for any other mapping.
 * fal downloads the weights from that URL itself.
 *
 * @example
 * falLoraArguments({ hfModelId: 'openfree/flux-chatgpt-ghibli-lora', adapter: 'lora', adapterWeightsPath: 'w.safetensors', ... });
 * // [{ path: 'https://huggingface.co/openfree/flux-chatgpt-ghibli-lora/resolve/main/w.safetensors', scale: 1 }]
 */
export function falLoraArguments(mapping: ModelMappingV1 | undefined): readonly FalLora[] | undefined {
  if (mapping?.adapter !== 'lora' || !mapping.adapterWeightsPath) return undefined;
  const weights = mapping.adapterWeightsPath.replace(/^\/+/, '');
  return [{ path: `https://huggingface.co/${mapping.hfModelId}/resolve/main/${weights}`, scale: 1 }];
}
