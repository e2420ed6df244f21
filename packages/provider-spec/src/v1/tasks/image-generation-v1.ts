/** The public shapes of `text-to-image` and `image-to-image`, after Hugging Face's task specifications. */
import type { MediaV1 } from './media-v1.js';

export interface ImageSizeV1 {
  readonly width: number;
  readonly height: number;
}

/** Generation parameters both image tasks share. All optional: a provider applies its own defaults. */
export interface ImageGenerationParametersV1 {
  readonly negative_prompt?: string;
  readonly width?: number;
  readonly height?: number;
  readonly num_inference_steps?: number;
  readonly guidance_scale?: number;
  readonly seed?: number;
  /** How many images to make (a Tollgate extension: OpenAI's `n`, fal's `num_images`); default 1. */
  readonly num_images?: number;
}

export interface TextToImageInputV1 {
  /** The prompt. */
  readonly inputs: string;
  readonly parameters?: ImageGenerationParametersV1;
}

export interface ImageToImageInputV1 {
  /** The source image. */
  readonly inputs: MediaV1;
  readonly parameters?: ImageGenerationParametersV1 & {
    readonly prompt?: string;
    /** How far to move away from the source image, 0 to 1. */
    readonly strength?: number;
    readonly target_size?: ImageSizeV1;
  };
}

/** Every image the provider returned, in order. */
export interface ImageGenerationOutputV1 {
  readonly images: readonly MediaV1[];
}
