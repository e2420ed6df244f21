/** The public shape of `image-classification`, after Hugging Face's task specification. */
import type { ClassificationOutputV1, ClassificationParametersV1 } from './classification-output-v1.js';
import type { MediaV1 } from './media-v1.js';

export interface ImageClassificationInputV1 {
  /** The image to classify. */
  readonly inputs: MediaV1;
  readonly parameters?: ClassificationParametersV1;
}

/** The classes, most probable first. */
export type ImageClassificationOutputV1 = ClassificationOutputV1;
