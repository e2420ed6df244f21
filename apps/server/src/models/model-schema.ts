/** The model object of Hugging Face's `/v1/models`: OpenAI's fields plus a `providers` array. */
import { type Static, Type } from '@sinclair/typebox';

export const ModelProviderInfoSchema = Type.Object(
  {
    provider: Type.String(),
    status: Type.Union([Type.Literal('live'), Type.Literal('staging'), Type.Literal('error')], {
      description: '`error` when the mapping is marked so, or when the validation prober found it failing.',
    }),
    context_length: Type.Optional(Type.Integer()),
    pricing: Type.Optional(
      Type.Object(
        { input: Type.Optional(Type.Number()), output: Type.Optional(Type.Number()) },
        { description: 'USD per million tokens.' },
      ),
    ),
    supports_tools: Type.Optional(
      Type.Boolean({ description: 'As the validation prober found it; else as the provider declares it.' }),
    ),
    supports_structured_output: Type.Optional(
      Type.Boolean({ description: 'As the validation prober found it; else as the provider declares it.' }),
    ),
    first_token_latency_ms: Type.Optional(
      Type.Integer({
        description: 'Time to the first streamed token, a moving average over probes and traffic.',
      }),
    ),
    throughput: Type.Optional(
      Type.Number({
        description: 'Output tokens per second after the first, a moving average over probes and traffic.',
      }),
    ),
    is_model_author: Type.Boolean({ description: "True when the provider is the model's own organization." }),
  },
  { additionalProperties: true },
);

export const ModelInfoSchema = Type.Object(
  {
    id: Type.String(),
    object: Type.Literal('model'),
    created: Type.Integer({ description: 'Unix seconds.' }),
    owned_by: Type.String({ description: 'The Hub organisation of the model.' }),
    architecture: Type.Optional(
      Type.Object({
        input_modalities: Type.Array(Type.String()),
        output_modalities: Type.Array(Type.String()),
      }),
    ),
    providers: Type.Array(ModelProviderInfoSchema),
  },
  { additionalProperties: true },
);

export const ModelListSchema = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(ModelInfoSchema),
});

export type ModelProviderInfo = Static<typeof ModelProviderInfoSchema>;
export type ModelInfo = Static<typeof ModelInfoSchema>;
