/** The public shape of `feature-extraction` (embeddings). */

export interface FeatureExtractionInputV1 {
  /** One text or several; the output has one vector per text, in order. */
  readonly inputs: string | readonly string[];
  readonly parameters?: {
    readonly normalize?: boolean;
    readonly truncate?: boolean;
    /** Ask for fewer dimensions, for models that support it (OpenAI's `dimensions`). */
    readonly dimensions?: number;
  };
}

export interface FeatureExtractionOutputV1 {
  /** One vector per input text, even for a single text. */
  readonly embeddings: readonly (readonly number[])[];
}
