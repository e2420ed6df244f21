/** The knobs a provider turns to fit the shared `/v1/embeddings` handler. */
import type { OpenAICompatibleTaskConfig } from '../shared-task-config.js';

export interface OpenAICompatibleFeatureExtractionConfig extends OpenAICompatibleTaskConfig {
  /** Default `/v1/embeddings`. */
  readonly path?: string;
  /**
   * Hugging Face's `normalize` and `truncate` parameters are not OpenAI's; they are sent under these names only
   * for a provider that takes them (e.g. a Text Embeddings Inference server), and dropped otherwise.
   */
  readonly forwardParameters?: readonly ('normalize' | 'truncate')[];
}
