/** Hugging Face's `GenerationParameters`: the decoding knobs of transformers' `generate`, shared by several tasks. */

export interface GenerationParametersV1 {
  readonly temperature?: number;
  readonly top_k?: number;
  readonly top_p?: number;
  readonly typical_p?: number;
  readonly epsilon_cutoff?: number;
  readonly eta_cutoff?: number;
  /** Maximum length in tokens, input included. */
  readonly max_length?: number;
  /** Maximum number of new tokens; wins over `max_length`. */
  readonly max_new_tokens?: number;
  readonly min_length?: number;
  readonly min_new_tokens?: number;
  readonly do_sample?: boolean;
  readonly early_stopping?: boolean | 'never';
  readonly num_beams?: number;
  readonly num_beam_groups?: number;
  readonly penalty_alpha?: number;
  readonly use_cache?: boolean;
}

/** How text2text tasks truncate an input that is longer than the model takes. */
export type Text2TextTruncationV1 = 'do_not_truncate' | 'longest_first' | 'only_first' | 'only_second';
