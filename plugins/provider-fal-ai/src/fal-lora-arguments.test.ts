import { describe, expect, it } from 'vitest';
import { falLoraArguments } from './fal-lora-arguments.js';

describe('falLoraArguments', () => {
  it("points fal at the adapter's weights on the Hugging Face Hub, at scale 1", () => {
    expect(
      falLoraArguments({
        hfModelId: 'openfree/flux-chatgpt-ghibli-lora',
        providerModelId: 'fal-ai/flux-lora',
        task: 'text-to-image',
        status: 'live',
        adapter: 'lora',
        adapterWeightsPath: 'flux-chatgpt-ghibli-lora.safetensors',
      }),
    ).toEqual([
      {
        path: 'https://huggingface.co/openfree/flux-chatgpt-ghibli-lora/resolve/main/flux-chatgpt-ghibli-lora.safetensors',
        scale: 1,
      },
    ]);
  });

  it('sends nothing for a mapping that is not a LoRA, or that names no weights', () => {
    const base = {
      hfModelId: 'a/b',
      providerModelId: 'fal-ai/flux/dev',
      task: 'text-to-image',
      status: 'live',
    } as const;
    expect(falLoraArguments(base)).toBeUndefined();
    expect(falLoraArguments({ ...base, adapter: 'lora' })).toBeUndefined();
    expect(falLoraArguments(undefined)).toBeUndefined();
  });
});
