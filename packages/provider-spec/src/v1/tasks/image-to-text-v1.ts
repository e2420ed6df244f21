/** The public shape of `image-to-text` (captioning, OCR), after Hugging Face's task specification. */
import type { GenerationParametersV1 } from './generation-parameters-v1.js';
import type { MediaV1 } from './media-v1.js';

export interface ImageToTextInputV1 {
  /** The image to describe. */
  readonly inputs: MediaV1;
  readonly parameters?: {
    readonly max_new_tokens?: number;
    readonly generation_parameters?: GenerationParametersV1;
  };
}

export interface ImageToTextOutputV1 {
  readonly generated_text: string;
}
