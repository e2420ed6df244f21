/** The public shape of `text-generation` (raw prompt completion, not chat). */

export interface TextGenerationInputV1 {
  readonly inputs: string;
  readonly parameters?: {
    readonly max_new_tokens?: number;
    readonly temperature?: number;
    readonly top_p?: number;
    readonly top_k?: number;
    readonly stop?: readonly string[];
    readonly seed?: number;
    readonly repetition_penalty?: number;
  };
}

export interface TextGenerationOutputV1 {
  readonly generated_text: string;
  /** Why generation stopped, as the provider says (`stop`, `length`, ...). */
  readonly finish_reason?: string;
}
