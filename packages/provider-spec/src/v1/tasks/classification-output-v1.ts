/** The `{label, score}` answer that Hugging Face's classification tasks share (text, image, audio, zero-shot). */

/** How a classifier turns its logits into scores, after Hugging Face's `ClassificationOutputTransform`. */
export type ClassificationFunctionV1 = 'sigmoid' | 'softmax' | 'none';

export interface ClassificationOutputElementV1 {
  /** The predicted class label. */
  readonly label: string;
  /** The corresponding probability. */
  readonly score: number;
}

/** Classes in the order the provider ranked them, most probable first. */
export type ClassificationOutputV1 = readonly ClassificationOutputElementV1[];

/** The parameters every fixed-label classifier takes (text, image and audio classification). */
export interface ClassificationParametersV1 {
  readonly function_to_apply?: ClassificationFunctionV1;
  /** Return only the K most probable classes. */
  readonly top_k?: number;
}
