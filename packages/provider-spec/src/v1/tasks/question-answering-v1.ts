/** The public shape of `question-answering` (extractive, over a context), after Hugging Face's task specification. */

export interface QuestionAnsweringInputV1 {
  readonly inputs: {
    readonly question: string;
    /** The text the answer is taken from. */
    readonly context: string;
  };
  readonly parameters?: {
    /** How many answers to return, most likely first (fewer when the context has fewer). */
    readonly top_k?: number;
    readonly doc_stride?: number;
    readonly max_answer_len?: number;
    readonly max_seq_len?: number;
    readonly max_question_len?: number;
    /** Accept "no answer" as an answer. */
    readonly handle_impossible_answer?: boolean;
    readonly align_to_words?: boolean;
  };
}

export interface QuestionAnsweringElementV1 {
  readonly answer: string;
  readonly score: number;
  /** Character offsets of the answer in the context, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** Answers, most likely first; one unless `top_k` asks for more. */
export type QuestionAnsweringOutputV1 = readonly QuestionAnsweringElementV1[];
