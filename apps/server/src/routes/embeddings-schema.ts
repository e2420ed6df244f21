/** `POST /v1/embeddings` request and answer, as OpenAI defines them. */
import { type Static, Type } from '@sinclair/typebox';
import { stringEnum } from './string-enum-schema.js';

export const EmbeddingsRequestSchema = Type.Object(
  {
    model: Type.String({
      minLength: 1,
      description:
        'A Hugging Face model id, optionally with `:<provider>`, `:fastest`, `:cheapest` or `:preferred`.',
      examples: ['sentence-transformers/all-MiniLM-L6-v2', 'BAAI/bge-base-en-v1.5:deepinfra'],
    }),
    input: Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1, maxItems: 2048 })], {
      description: 'One text, or a list of texts (one vector each, in order). Token arrays are not accepted.',
    }),
    dimensions: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Fewer dimensions, for models that support it.' }),
    ),
    encoding_format: Type.Optional(
      stringEnum(['float', 'base64'], {
        description:
          '`float` (default): arrays of numbers; `base64`: little-endian float32 bytes, base64-encoded.',
      }),
    ),
    user: Type.Optional(Type.String({ description: 'Accepted for compatibility; not used.' })),
  },
  { additionalProperties: true, description: 'An OpenAI embeddings request; other fields are ignored.' },
);

export type EmbeddingsRequest = Static<typeof EmbeddingsRequestSchema>;

export const EmbeddingsResponseSchema = Type.Object(
  {
    object: Type.Literal('list'),
    data: Type.Array(
      Type.Object({
        object: Type.Literal('embedding'),
        index: Type.Integer(),
        embedding: Type.Union([Type.Array(Type.Number()), Type.String()]),
      }),
    ),
    model: Type.String({ description: 'The Hugging Face model id that served the request.' }),
    usage: Type.Object(
      {
        prompt_tokens: Type.Integer(),
        total_tokens: Type.Integer(),
        cost: Type.Optional(
          Type.Number({ description: 'What the request cost, in USD (the charge to the account).' }),
        ),
      },
      { description: 'Input tokens as the provider reported them; 0 when the provider reports none.' },
    ),
  },
  { description: 'An OpenAI embeddings list.' },
);
