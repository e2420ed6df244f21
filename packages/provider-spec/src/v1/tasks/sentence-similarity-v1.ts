/** The public shape of `sentence-similarity`, after Hugging Face's task specification. */

export interface SentenceSimilarityInputV1 {
  readonly inputs: {
    /** The text the others are compared with. */
    readonly source_sentence: string;
    readonly sentences: readonly string[];
  };
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** One similarity score per sentence, in the order of `sentences`. */
export type SentenceSimilarityOutputV1 = readonly number[];
