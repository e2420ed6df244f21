/** `POST /v1/audio/transcriptions`: OpenAI's multipart form and its `json` and `verbose_json` answers. */
import { Type } from '@sinclair/typebox';
import { TRANSCRIPTION_FORMATS } from '../task-api/openai-transcription.js';
import { stringEnum } from './string-enum-schema.js';

/** Documents the form; the route reads and checks it itself, after authentication and within its size limits. */
export const TranscriptionFormSchema = Type.Object(
  {
    file: Type.String({ format: 'binary', description: 'The audio: wav, mp3, flac, ogg, webm, m4a or mp4.' }),
    model: Type.String({
      minLength: 1,
      description:
        'A Hugging Face model id, optionally with `:<provider>`, `:fastest`, `:cheapest` or `:preferred`.',
      examples: ['openai/whisper-large-v3', 'openai/whisper-large-v3:fal-ai'],
    }),
    language: Type.Optional(Type.String({ description: 'The ISO-639-1 code of the spoken language.' })),
    prompt: Type.Optional(Type.String({ description: 'Only for providers that take one.' })),
    response_format: Type.Optional(stringEnum(TRANSCRIPTION_FORMATS, { description: 'Default `json`.' })),
    temperature: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { description: 'An OpenAI transcription form (multipart/form-data).' },
);

export const TranscriptionJsonSchema = Type.Object(
  {
    text: Type.String(),
    task: Type.Optional(Type.Literal('transcribe')),
    language: Type.Optional(Type.String({ description: 'The language the client named.' })),
    duration: Type.Optional(Type.Number({ description: 'Seconds of audio, when known.' })),
    segments: Type.Optional(
      Type.Array(
        Type.Object({ id: Type.Integer(), start: Type.Number(), end: Type.Number(), text: Type.String() }),
      ),
    ),
    usage: Type.Optional(Type.Object({ type: Type.Literal('duration'), seconds: Type.Number() })),
  },
  {
    description:
      '`json`: `{ text }`; `verbose_json` adds `task`, `duration` and timestamped `segments`. Providers report ' +
      'neither token ids nor log-probabilities, so segments carry only `id`, `start`, `end` and `text`.',
  },
);
