/** The public shape of `table-question-answering`, after Hugging Face's task specification. */

export interface TableQuestionAnsweringInputV1 {
  readonly inputs: {
    /** The table by column: header -> the column's cells, top to bottom, as strings. */
    readonly table: Readonly<Record<string, readonly string[]>>;
    readonly question: string;
  };
  readonly parameters?: {
    readonly padding?: 'do_not_pad' | 'longest' | 'max_length';
    /** Answer sequentially (needed by conversational models such as SQA) rather than as a batch. */
    readonly sequential?: boolean;
    readonly truncation?: boolean;
  };
}

export interface TableQuestionAnsweringElementV1 {
  /** The answer; preceded by `AGGREGATOR > ` when the model aggregates cells. */
  readonly answer: string;
  /** `[row, column]` of every answer cell. */
  readonly coordinates: readonly (readonly number[])[];
  readonly cells: readonly string[];
  /** `NONE`, `SUM`, `AVERAGE`, `COUNT`, when the model has an aggregator. */
  readonly aggregator?: string;
}

export type TableQuestionAnsweringOutputV1 = readonly TableQuestionAnsweringElementV1[];
