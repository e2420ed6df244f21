/** The knobs a provider turns to fit its quirks onto the shared OpenAI-compatible chat handler. */
import type { UsageV1 } from '@tollgate/provider-spec';

export interface OpenAICompatibleChatConfig {
  readonly providerId: string;
  /** Appended to the provider's base URL; default `/v1/chat/completions`. */
  readonly path?: string;
  /** Body fields the provider rejects; removed before sending (Cerebras: `store`). */
  readonly unsupportedParameters?: readonly string[];
  /** The last word on the request body, after the model is set and unsupported fields are removed. */
  readonly transformRequestBody?: (body: Record<string, unknown>) => Record<string, unknown>;
  /** Whether the provider honours `stream_options.include_usage`; default true, so every stream can be metered. */
  readonly supportsStreamUsage?: boolean;
  /**
   * Reads usage from a response body or stream chunk; default: the OpenAI `usage` object. It must read a field
   * named `usage` (anywhere, e.g. Groq's `x_groq.usage`): stream chunks without that text are not parsed.
   */
  readonly extractUsage?: (payload: Record<string, unknown>) => UsageV1 | undefined;
}
