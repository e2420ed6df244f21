/** `POST /v1/audio/speech` request, as OpenAI defines it. */
import { type Static, Type } from '@sinclair/typebox';
import { stringEnum } from './string-enum-schema.js';

export const SPEECH_FORMATS = ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'] as const;

export const SpeechRequestSchema = Type.Object(
  {
    model: Type.String({
      minLength: 1,
      description:
        'A Hugging Face model id, optionally with `:<provider>`, `:fastest`, `:cheapest` or `:preferred`.',
      examples: ['hexgrad/Kokoro-82M', 'hexgrad/Kokoro-82M:fal-ai'],
    }),
    input: Type.String({ minLength: 1, maxLength: 4096, description: 'The text to speak.' }),
    voice: Type.Optional(
      Type.String({ minLength: 1, description: "One of the model's voices; default the provider's own." }),
    ),
    response_format: Type.Optional(
      stringEnum(SPEECH_FORMATS, {
        description:
          'The audio format to ask for, where the provider lets the caller choose; `content-type` says what came.',
      }),
    ),
    speed: Type.Optional(
      Type.Number({ minimum: 0.25, maximum: 4, description: 'Speaking rate; 1 is normal.' }),
    ),
  },
  { additionalProperties: true, description: 'An OpenAI speech request; other fields are ignored.' },
);

export type SpeechRequest = Static<typeof SpeechRequestSchema>;
