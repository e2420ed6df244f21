/** Reads an OpenAI-style transcription into the public ASR output and the audio duration it bills by. */
import {
  type AutomaticSpeechRecognitionInputV1,
  type AutomaticSpeechRecognitionOutputV1,
  type TaskResultV1,
  type TranscriptionChunkV1,
  UpstreamOutputError,
  type UpstreamResponseV1,
  type UsageV1,
} from '@tollgate/provider-spec';
import { extractErrorMessage } from '@tollgate/provider-utils';
import { readMediaBytes } from '../media/read-media-bytes.js';
import type { OpenAICompatibleAutomaticSpeechRecognitionConfig } from './openai-compatible-automatic-speech-recognition-config.js';
import { transcriptionAudioMs } from './transcription-audio-ms.js';

interface Transcription {
  readonly text: string;
  readonly segments?: unknown;
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function chunksOf(segments: unknown): TranscriptionChunkV1[] | undefined {
  if (!Array.isArray(segments)) return undefined;
  return segments.flatMap((segment: { text?: unknown; start?: unknown; end?: unknown } | null) => {
    const start = seconds(segment?.start);
    const end = seconds(segment?.end);
    return typeof segment?.text === 'string' && start !== undefined && end !== undefined
      ? [{ text: segment.text, timestamp: [start, end] as const }]
      : [];
  });
}

/** The upload's bytes when the caller sent them (a URL the provider fetched has no bytes here). */
function uploadOf(input: AutomaticSpeechRecognitionInputV1): Uint8Array | undefined {
  const inline = input.inputs.kind === 'bytes' || input.inputs.url.startsWith('data:');
  return inline ? readMediaBytes(input.inputs)?.bytes : undefined;
}

/**
 * `{ text }`, plus `chunks` from the segments when the caller asked for timestamps, and the duration as
 * `audioMilliseconds`. A body without `text` is an `UpstreamOutputError`.
 *
 * @example
 * mapAutomaticSpeechRecognitionResponse({ providerId: 'together' }, { input, response }); // { output: { text: 'Hello.' }, usage: { audioMilliseconds: 2500 } }
 */
export function mapAutomaticSpeechRecognitionResponse(
  config: OpenAICompatibleAutomaticSpeechRecognitionConfig,
  { input, response }: { input: AutomaticSpeechRecognitionInputV1; response: UpstreamResponseV1 },
): TaskResultV1<AutomaticSpeechRecognitionOutputV1> {
  const body = response.body as Transcription | null;
  if (typeof body?.text !== 'string') {
    throw new UpstreamOutputError({
      message: `${config.providerId} returned a transcription that cannot be used: ${extractErrorMessage(body, 'it has no text')}`,
      providerId: config.providerId,
    });
  }
  const chunks = input.parameters?.return_timestamps ? chunksOf(body.segments) : undefined;
  const audioMilliseconds = transcriptionAudioMs(body, uploadOf(input));
  const usage: UsageV1 = audioMilliseconds !== undefined ? { audioMilliseconds } : {};
  return { output: { text: body.text, ...(chunks ? { chunks } : {}) }, usage };
}
