/** The public shapes of `automatic-speech-recognition` and `text-to-speech`. */
import type { MediaV1 } from './media-v1.js';

export interface AutomaticSpeechRecognitionInputV1 {
  /** The audio to transcribe. */
  readonly inputs: MediaV1;
  readonly parameters?: {
    /** ISO-639-1 code of the spoken language, when the caller knows it. */
    readonly language?: string;
    readonly return_timestamps?: boolean;
    /** Only for providers that take one (OpenAI-style transcriptions). */
    readonly prompt?: string;
    readonly temperature?: number;
  };
}

export interface TranscriptionChunkV1 {
  readonly text: string;
  /** Start and end in seconds. */
  readonly timestamp: readonly [number, number];
}

export interface AutomaticSpeechRecognitionOutputV1 {
  readonly text: string;
  readonly chunks?: readonly TranscriptionChunkV1[];
}

export interface TextToSpeechInputV1 {
  /** The text to speak. */
  readonly inputs: string;
  readonly parameters?: {
    readonly voice?: string;
    /** Speaking rate, 1 is normal. */
    readonly speed?: number;
    /** The audio format to ask for (`mp3`, `wav`, `flac`, ...), where the provider lets the caller choose. */
    readonly response_format?: string;
  };
}

export interface TextToSpeechOutputV1 {
  readonly audio: MediaV1;
}
