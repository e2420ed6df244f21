/** The public shape of `token-classification` (named entities and other per-token labels), after Hugging Face's spec. */

/** How tokens are fused into entities. */
export type TokenAggregationStrategyV1 = 'none' | 'simple' | 'first' | 'average' | 'max';

export interface TokenClassificationInputV1 {
  /** The text whose tokens are to be labelled. */
  readonly inputs: string;
  readonly parameters?: {
    /** Labels to leave out of the answer (e.g. `O`). */
    readonly ignore_labels?: readonly string[];
    /** Tokens shared by neighbouring chunks when a long text is split. */
    readonly stride?: number;
    readonly aggregation_strategy?: TokenAggregationStrategyV1;
  };
}

export interface TokenClassificationElementV1 {
  /** The label of a group of tokens (when tokens are aggregated). */
  readonly entity_group?: string;
  /** The label of a single token (aggregation `none`). */
  readonly entity?: string;
  readonly score: number;
  /** The text of the token or group. */
  readonly word: string;
  /** Character offsets in the input, end exclusive. */
  readonly start?: number;
  readonly end?: number;
}

export type TokenClassificationOutputV1 = readonly TokenClassificationElementV1[];
