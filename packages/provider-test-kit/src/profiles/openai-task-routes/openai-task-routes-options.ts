/** What sets one provider's OpenAI-style non-chat endpoints apart: which it serves, and their shapes. */
import type { ImageSizeV1 } from '@tollgate/provider-spec';
import type { ProviderErrorDialect } from '../provider-profile.js';

export interface OpenAICompletionRouteOptions {
  /** The completion's `id`. */
  readonly newId: () => string;
  /** OpenAI and vLLM say `text_completion`; Together says `text.completion`. */
  readonly object?: string;
  /** The `usage` object in the provider's shape; default OpenAI's three counts. */
  readonly usage?: (counts: TokenCounts, model: string) => Record<string, unknown>;
  /** Adds the provider's fields to the completion and its choice. */
  readonly decorate?: (completion: Record<string, unknown>) => Record<string, unknown>;
}

export interface TokenCounts {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface OpenAIEmbeddingsRouteOptions {
  /** The vector length each model answers with; default 768. */
  readonly dimensionsFor?: (model: string) => number;
  /** The `usage` object, or undefined for a provider whose answer carries none (Together). */
  readonly usage?: ((promptTokens: number, model: string) => Record<string, unknown>) | undefined;
  /** Adds the provider's fields to the list (ids, timestamps). */
  readonly decorate?: (list: Record<string, unknown>) => Record<string, unknown>;
}

export interface OpenAIImagesRouteOptions {
  /** OpenAI's `size: "WxH"`, or `width` and `height` fields (Together). */
  readonly size: 'size' | 'width-height';
  /** The size made when the request names none. */
  readonly defaultSize: ImageSizeV1;
  /** The `response_format` value that asks for base64 (`b64_json`; Together's `base64`). */
  readonly base64Format: string;
  /** The value that asks for a URL on the provider's CDN; undefined for a provider that only answers base64. */
  readonly urlFormat?: string;
  /** What a request without `response_format` gets. */
  readonly defaultFormat: string;
  /** Adds the provider's fields to each item (`index`, `type`, `timings`). */
  readonly decorateItem?: (item: Record<string, unknown>, index: number) => Record<string, unknown>;
  /** The answer around the items; default OpenAI's `{ created, data }`. */
  readonly envelope?: (data: readonly Record<string, unknown>[], model: string) => Record<string, unknown>;
}

export interface OpenAISpeechRouteOptions {
  /** Whether a request without `voice` is refused (Together requires one). */
  readonly requiresVoice?: boolean;
  /** The format a request without `response_format` gets; the simulator makes `wav` and raw PCM. */
  readonly defaultFormat: 'wav' | 'pcm';
}

export interface OpenAITranscriptionsRouteOptions {
  /** The `response_format` values served; the first is the default. */
  readonly formats: readonly ('json' | 'verbose_json' | 'text')[];
  /** Whether the `file` field may be an http(s) URL instead of an upload (Together); such audio is not fetched. */
  readonly acceptsFileUrl?: boolean;
  /** Adds the provider's fields to a JSON answer. */
  readonly decorate?: (transcription: Record<string, unknown>) => Record<string, unknown>;
}

export interface OpenAITaskRoutesOptions {
  /** The path before `/completions`, `/embeddings`, `/images/generations` and `/audio/...` (e.g. `/v1`). */
  readonly basePath: string;
  /**
   * The provider's error bodies (model not found, invalid request), or a function returning them, so a profile
   * can hand over its own `errors` before the profile object exists.
   */
  readonly errors: ProviderErrorDialect | (() => ProviderErrorDialect);
  readonly completions?: OpenAICompletionRouteOptions;
  readonly embeddings?: OpenAIEmbeddingsRouteOptions;
  readonly images?: OpenAIImagesRouteOptions;
  readonly speech?: OpenAISpeechRouteOptions;
  readonly transcriptions?: OpenAITranscriptionsRouteOptions;
}
