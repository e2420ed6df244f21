/** `POST /v1/images/generations` request and answer: OpenAI's, plus the diffusion parameters open models take. */
import { type Static, Type } from '@sinclair/typebox';
import { stringEnum } from './string-enum-schema.js';

export const ImageGenerationRequestSchema = Type.Object(
  {
    model: Type.String({
      minLength: 1,
      description:
        'A Hugging Face model id, optionally with `:<provider>`, `:fastest`, `:cheapest` or `:preferred`.',
      examples: ['black-forest-labs/FLUX.1-schnell', 'black-forest-labs/FLUX.1-dev:fal-ai'],
    }),
    prompt: Type.String({ minLength: 1 }),
    n: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'How many images; default 1.' })),
    size: Type.Optional(
      Type.String({
        description: "`WIDTHxHEIGHT` in pixels, or `auto` (the provider's default).",
        examples: ['1024x1024', '1024x768'],
      }),
    ),
    response_format: Type.Optional(
      stringEnum(['url', 'b64_json'], {
        description:
          "`url` (default): the provider's URL, or a `data:` URL when the provider returned the bytes. `b64_json`: " +
          "the PNG (or the provider's format) base64-encoded; a provider URL is fetched by the gateway.",
      }),
    ),
    negative_prompt: Type.Optional(Type.String()),
    seed: Type.Optional(Type.Integer()),
    num_inference_steps: Type.Optional(Type.Integer({ minimum: 1 })),
    guidance_scale: Type.Optional(Type.Number({ minimum: 0 })),
    user: Type.Optional(Type.String({ description: 'Accepted for compatibility; not used.' })),
  },
  {
    additionalProperties: true,
    description: 'An OpenAI image generation request; other fields (`quality`, `style`) are ignored.',
  },
);

export type ImageGenerationRequest = Static<typeof ImageGenerationRequestSchema>;

export const ImageGenerationResponseSchema = Type.Object(
  {
    created: Type.Integer({ description: 'Unix seconds.' }),
    data: Type.Array(
      Type.Union([Type.Object({ url: Type.String() }), Type.Object({ b64_json: Type.String() })]),
    ),
  },
  { description: 'The images, in the order the provider returned them.' },
);
