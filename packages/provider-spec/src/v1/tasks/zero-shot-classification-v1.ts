/** The public shape of `zero-shot-classification`, after Hugging Face's task specification. */
import type { ClassificationOutputV1 } from './classification-output-v1.js';

export interface ZeroShotClassificationInputV1 {
  /** The text to classify. */
  readonly inputs: string;
  readonly parameters: {
    /** The labels to choose from. */
    readonly candidate_labels: readonly string[];
    /** The hypothesis each label is put into, e.g. `This example is {}.` */
    readonly hypothesis_template?: string;
    /** Score each label on its own (true) or make the scores sum to 1 (false, the default). */
    readonly multi_label?: boolean;
  };
}

/** Every candidate label with its score, most probable first. */
export type ZeroShotClassificationOutputV1 = ClassificationOutputV1;
