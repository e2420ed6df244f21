/** The public shape of `fill-mask`, after Hugging Face's task specification. */

export interface FillMaskInputV1 {
  /** Text with the model's mask token in it (e.g. `[MASK]` for BERT, `<mask>` for RoBERTa). */
  readonly inputs: string;
  readonly parameters?: {
    /** How many predictions to return. */
    readonly top_k?: number;
    /** Restrict the predictions to these words. */
    readonly targets?: readonly string[];
  };
}

export interface FillMaskElementV1 {
  /** The input with the mask replaced by this prediction. */
  readonly sequence: string;
  readonly score: number;
  /** The predicted token id. */
  readonly token: number;
  /** The predicted token. */
  readonly token_str: string;
}

/** Predictions, most probable first. */
export type FillMaskOutputV1 = readonly FillMaskElementV1[];
