/** The public shape of `text-classification`, after Hugging Face's task specification. */
import type { ClassificationOutputV1, ClassificationParametersV1 } from './classification-output-v1.js';

export interface TextClassificationInputV1 {
  /** The text to classify. */
  readonly inputs: string;
  readonly parameters?: ClassificationParametersV1;
}

/** The classes, most probable first. */
export type TextClassificationOutputV1 = ClassificationOutputV1;
