/** The knobs a provider turns to fit the shared `/v1/audio/speech` handler. */
import type { OpenAICompatibleTaskConfig } from '../shared-task-config.js';

export interface OpenAICompatibleTextToSpeechConfig extends OpenAICompatibleTaskConfig {
  /** Default `/v1/audio/speech`. */
  readonly path?: string;
  /**
   * The voice to send when the caller names none, for providers that require one (Together): one name, or one per
   * provider model id, since each speech model has its own voices.
   */
  readonly defaultVoice?: string | Readonly<Record<string, string>>;
  /** The `response_format` to ask for when the caller names none; default: send none (the provider's default). */
  readonly defaultResponseFormat?: string;
}
