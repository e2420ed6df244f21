/**
 * A worst case the core can read from a task's public input when the handler gives none: image generation asks for
 * a number of images of a size, whichever unit the provider prices (per image or per megapixel). Other tasks without
 * a handler bound hold the ledger's default.
 */
import type { ImageGenerationParametersV1, TaskId, UsageBoundV1, UsageV1 } from '@tollgate/provider-spec';

/** Thousandths of megapixels assumed when the client names no size: well above providers' defaults (~1 MP). */
export const DEFAULT_IMAGE_MEGAPIXELS_BOUND = 4_200;

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;

/**
 * @example
 * taskUsageBound('text-to-image', { inputs: 'a cat', parameters: { num_images: 2 } });
 * // { bound: { usage: { images: 2, milliMegapixels: 8400 } }, minimum: { images: 2, milliMegapixels: 2000 } }
 */
export interface TaskUsageBound {
  readonly bound: UsageBoundV1;
  /** What is worth holding when the balance is short of the bound: the usual case (1 MP a default-size image). */
  readonly minimum: UsageV1;
}

export function taskUsageBound(task: TaskId, input: unknown): TaskUsageBound | undefined {
  if (task !== 'text-to-image' && task !== 'image-to-image') return undefined;
  const parameters = ((input as { parameters?: unknown } | null)?.parameters ??
    {}) as ImageGenerationParametersV1;
  const images = positiveInteger(parameters.num_images) ?? 1;
  const width = positiveInteger(parameters.width);
  const height = positiveInteger(parameters.height);
  // A named size, in thousandths of megapixels, however the provider counts them: 10^6 pixels, or fal's 2^20 pixels
  // rounded up to whole megapixels.
  const named = width !== undefined && height !== undefined;
  const perImage = named
    ? Math.max(Math.ceil((width * height) / 1000), Math.ceil((width * height) / 2 ** 20) * 1000)
    : DEFAULT_IMAGE_MEGAPIXELS_BOUND;
  return {
    bound: { usage: { images, milliMegapixels: images * perImage } },
    // A named size is known; an unnamed one is most often a megapixel.
    minimum: { images, milliMegapixels: images * (named ? perImage : 1000) },
  };
}
