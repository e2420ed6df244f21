/** The public shapes of `text-to-video` and `image-to-video`, after Hugging Face's task specifications. */
import type { MediaV1 } from './media-v1.js';

export interface VideoGenerationParametersV1 {
  readonly negative_prompt?: string;
  readonly num_frames?: number;
  /** Length of the clip in seconds, for providers that take a duration rather than a frame count. */
  readonly duration_seconds?: number;
  readonly width?: number;
  readonly height?: number;
  /** E.g. `16:9`, for providers that take an aspect ratio rather than a size. */
  readonly aspect_ratio?: string;
  readonly num_inference_steps?: number;
  readonly guidance_scale?: number;
  readonly seed?: number;
}

export interface TextToVideoInputV1 {
  /** The prompt. */
  readonly inputs: string;
  readonly parameters?: VideoGenerationParametersV1;
}

export interface ImageToVideoInputV1 {
  /** The first frame. */
  readonly inputs: MediaV1;
  readonly parameters?: VideoGenerationParametersV1 & { readonly prompt?: string };
}

export interface VideoGenerationOutputV1 {
  readonly video: MediaV1;
}
