/** Shapes an `automatic-speech-recognition` output as OpenAI's transcription answers: json, text or verbose_json. */
import type { AutomaticSpeechRecognitionOutputV1, UsageV1 } from '@tollgate/provider-spec';

export const TRANSCRIPTION_FORMATS = ['json', 'text', 'verbose_json'] as const;
export type TranscriptionFormat = (typeof TRANSCRIPTION_FORMATS)[number];

export interface OpenAiTranscriptionSegment {
  id: number;
  start: number;
  end: number;
  text: string;
}

/** OpenAI's `json` and `verbose_json` transcription objects, as far as a provider's output fills them. */
export interface OpenAiTranscriptionJson {
  text: string;
  task?: 'transcribe';
  language?: string;
  duration?: number;
  segments?: OpenAiTranscriptionSegment[];
  usage?: { type: 'duration'; seconds: number };
}

export interface TranscriptionAnswer {
  readonly contentType: string;
  /** The JSON object, or the text itself for `text`. */
  readonly body: string | OpenAiTranscriptionJson;
}

export interface TranscriptionAnswerArgs {
  readonly output: AutomaticSpeechRecognitionOutputV1;
  readonly usage: UsageV1;
  readonly format: TranscriptionFormat;
  /** The language the client named; providers do not report the one they detected. */
  readonly language: string | undefined;
}

/** The audio's length in seconds: as metered, else where the last timestamped chunk ends. */
function durationSeconds(output: AutomaticSpeechRecognitionOutputV1, usage: UsageV1): number | undefined {
  if (usage.audioMilliseconds !== undefined) return usage.audioMilliseconds / 1000;
  return output.chunks?.at(-1)?.timestamp[1];
}

/**
 * `json`: `{ text }`; `text`: the text alone; `verbose_json`: `{ task, language?, duration?, text, segments }`,
 * a segment per timestamped chunk with `id`, `start`, `end` and `text` (providers report no token ids or
 * log-probabilities, so those fields are left out rather than made up). Both JSON forms carry OpenAI's
 * `usage: { type: 'duration', seconds }` when the audio's length is known.
 *
 * @example
 * openAiTranscription({ output: { text: 'Hi' }, usage: { audioMilliseconds: 1500 }, format: 'json', language: undefined });
 * // { contentType: 'application/json; charset=utf-8', body: { text: 'Hi', usage: { type: 'duration', seconds: 1.5 } } }
 */
export function openAiTranscription({
  output,
  usage,
  format,
  language,
}: TranscriptionAnswerArgs): TranscriptionAnswer {
  if (format === 'text') return { contentType: 'text/plain; charset=utf-8', body: output.text };
  const duration = durationSeconds(output, usage);
  const durationUsage =
    duration !== undefined ? { usage: { type: 'duration' as const, seconds: duration } } : {};
  const json = 'application/json; charset=utf-8';
  if (format === 'json') return { contentType: json, body: { text: output.text, ...durationUsage } };
  return {
    contentType: json,
    body: {
      task: 'transcribe' as const,
      ...(language !== undefined ? { language } : {}),
      ...(duration !== undefined ? { duration } : {}),
      text: output.text,
      segments: (output.chunks ?? []).map((chunk, id) => ({
        id,
        start: chunk.timestamp[0],
        end: chunk.timestamp[1],
        text: chunk.text,
      })),
      ...durationUsage,
    },
  };
}
