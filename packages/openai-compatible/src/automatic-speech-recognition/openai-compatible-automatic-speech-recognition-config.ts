/** The knobs a provider turns to fit the shared `/v1/audio/transcriptions` handler. */
import type { OpenAICompatibleTaskConfig } from '../shared-task-config.js';

export interface OpenAICompatibleAutomaticSpeechRecognitionConfig extends OpenAICompatibleTaskConfig {
  /** Default `/v1/audio/transcriptions`. */
  readonly path?: string;
  /**
   * The `response_format` field: default `verbose_json`, whose `duration` is what audio is billed by (and whose
   * `segments` give timestamps); `null` for a provider that rejects the field.
   */
  readonly responseFormat?: string | null;
  /** Whether the provider takes an `http(s)` URL in the `file` field instead of an upload (Together does). */
  readonly acceptsFileUrl?: boolean;
}
