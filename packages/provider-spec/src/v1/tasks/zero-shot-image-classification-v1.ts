/** The public shape of `zero-shot-image-classification`, after Hugging Face's task specification. */
import type { ClassificationOutputV1 } from './classification-output-v1.js';
import type { MediaV1 } from './media-v1.js';

export interface ZeroShotImageClassificationInputV1 {
  /** The image to classify. */
  readonly inputs: MediaV1;
  readonly parameters: {
    /** The labels to choose from. */
    readonly candidate_labels: readonly string[];
    /** The sentence each label is put into, e.g. `This is a photo of {}.` */
    readonly hypothesis_template?: string;
  };
}

/** Every candidate label with its score, most probable first. */
export type ZeroShotImageClassificationOutputV1 = ClassificationOutputV1;
