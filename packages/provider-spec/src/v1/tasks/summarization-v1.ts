/** The public shape of `summarization`, after Hugging Face's task specification. */
import type { Text2TextTruncationV1 } from './generation-parameters-v1.js';

export interface SummarizationInputV1 {
  /** The text to summarize. */
  readonly inputs: string;
  readonly parameters?: {
    readonly clean_up_tokenization_spaces?: boolean;
    readonly truncation?: Text2TextTruncationV1;
    /** Passed to the model's `generate` as they are (`max_length`, `num_beams`, ...). */
    readonly generate_parameters?: Readonly<Record<string, unknown>>;
  };
}

export interface SummarizationOutputV1 {
  readonly summary_text: string;
}
