/** The knobs a provider turns to fit the shared `/v1/completions` handler. */
import type { UsageV1 } from '@tollgate/provider-spec';
import type { OpenAICompatibleTaskConfig } from '../shared-task-config.js';

export interface OpenAICompatibleTextGenerationConfig extends OpenAICompatibleTaskConfig {
  /** Default `/v1/completions`. */
  readonly path?: string;
  /** Reads usage from the completion; default the OpenAI `usage` object. */
  readonly extractUsage?: (payload: Record<string, unknown>) => UsageV1 | undefined;
}
