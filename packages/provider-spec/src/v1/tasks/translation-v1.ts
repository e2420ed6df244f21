/** The public shape of `translation`, after Hugging Face's task specification. */
import type { Text2TextTruncationV1 } from './generation-parameters-v1.js';

export interface TranslationInputV1 {
  /** The text to translate. */
  readonly inputs: string;
  readonly parameters?: {
    /** The source language, for models that translate from several (e.g. `en_XX` for mBART). */
    readonly src_lang?: string;
    /** The target language, for models that translate into several. */
    readonly tgt_lang?: string;
    readonly clean_up_tokenization_spaces?: boolean;
    readonly truncation?: Text2TextTruncationV1;
    /** Passed to the model's `generate` as they are. */
    readonly generate_parameters?: Readonly<Record<string, unknown>>;
  };
}

export interface TranslationOutputV1 {
  readonly translation_text: string;
}
